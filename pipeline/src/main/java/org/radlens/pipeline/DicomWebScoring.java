package org.radlens.pipeline;

import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.InstanceRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item work of a DICOMweb run: WADO-RS retrieve into a temporary file, score, and STOW-RS the SR (and SEG)
 * back unless the server already has that SOP Instance UID (the UIDs are deterministic, so a retried or re-run item
 * never creates a second object). Items are identified by their SOP Instance UID.
 */
public final class DicomWebScoring implements BatchRunner.ItemScorer<InstanceRef> {
    private final DicomWebClient web;
    private final ScoringEngine engine;
    private final Path workDir;

    public DicomWebScoring(DicomWebClient web, ScoringEngine engine, Path workDir) {
        this.web = web;
        this.engine = engine;
        this.workDir = workDir;
    }

    /**
     * The instances to score: per study UID (or over all studies when none is given) and per modality, optionally
     * within a StudyDate range ({@code YYYYMMDD-YYYYMMDD}); duplicates removed, in server order.
     */
    public static List<InstanceRef> query(DicomWebClient web, List<String> studyUids, List<String> modalities,
                                          String studyDates) throws IOException {
        Map<String, InstanceRef> out = new LinkedHashMap<>();
        List<String> studies = studyUids.isEmpty() ? java.util.Collections.singletonList(null) : studyUids;
        for (String study : studies) {
            for (String modality : modalities) {
                Map<String, String> match = new LinkedHashMap<>();
                match.put("Modality", modality);
                if (studyDates != null) {
                    match.put("StudyDate", studyDates);
                }
                web.searchInstances(study, match).forEach(r -> out.putIfAbsent(r.sopInstanceUid(), r));
            }
        }
        return new ArrayList<>(out.values());
    }

    @Override
    public ResultRow score(InstanceRef ref) {
        Path tmp = null;
        try {
            long t0 = System.nanoTime();
            tmp = Files.createTempFile(workDir, "wado-", ".dcm");
            web.retrieve(ref, tmp); // streamed from the socket to the file, never whole in memory
            long t1 = System.nanoTime();
            Scored s = engine.score(ref.sopInstanceUid(), tmp, true, null); // ids are the UIDs
            long t2 = System.nanoTime();
            storeAbsent(ref.studyUid(), s.objects());
            return s.row().withTiming("transfer", (t1 - t0 + System.nanoTime() - t2) / 1e6);
        } catch (Exception e) { // the batch's one catch-all: this item becomes an error row, the others go on
            return ScoreErrors.row(ref.sopInstanceUid(), e); // an unreachable server is transient: retried
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Stores the objects the server does not hold yet (a rerun after a crash finds some already there) in one STOW-RS
     * request: the SR and SEG of an image are one transaction on the server, not two.
     */
    private void storeAbsent(String study, Map<String, byte[]> objects) throws IOException {
        List<byte[]> absent = new ArrayList<>();
        for (Map.Entry<String, byte[]> o : objects.entrySet()) {
            if (!web.exists(study, o.getKey())) {
                absent.add(o.getValue());
            }
        }
        if (!absent.isEmpty()) {
            web.store(absent);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DicomWebScoring.class).warn("cannot delete {}: {}", p, e.getMessage());
        }
    }
}
