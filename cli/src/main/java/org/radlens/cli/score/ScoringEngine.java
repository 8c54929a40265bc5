package org.radlens.cli.score;

import org.radlens.dicomio.AlgorithmIdentity;
import org.radlens.dicomio.DerivedUids;
import org.radlens.dicomio.DicomWriteException;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ScoredFinding;
import org.radlens.dicomio.Segmentations;
import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.StructuredReports;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one image file with a shared, thread-safe model: classification of the package's findings, optionally the
 * lung segmentation (area in mm²), and for DICOM sources the TID 1500 SR and (with segmentation) SEG objects with
 * deterministic UIDs. Stateless apart from the model; safe to call from many workers.
 */
public final class ScoringEngine {
    /** A scored image and the derived DICOM objects (empty arrays when not made). */
    public record Scored(ResultRow row, byte[] sr, byte[] seg) {
    }

    private final RadLensModel model;
    private final AlgorithmIdentity algorithm;
    private final boolean segment;

    public ScoringEngine(RadLensModel model, boolean segment) throws IOException {
        this.model = model;
        this.segment = segment;
        this.algorithm = algorithmOf(model);
    }

    /** The model as the author of derived DICOM objects: name, version, sha256 of its manifest. */
    public static AlgorithmIdentity algorithmOf(RadLensModel model) throws IOException {
        byte[] manifest = Files.readAllBytes(model.modelPackage().root().resolve("radlens-model.json"));
        return new AlgorithmIdentity(model.manifest().name(), model.manifest().version(),
                DerivedUids.sha256Hex(manifest));
    }

    public AlgorithmIdentity algorithm() {
        return algorithm;
    }

    /** Scores {@code file}; DICOM objects are built when {@code derive} is true and the file is DICOM. */
    public Scored score(String id, Path file, boolean derive)
            throws ImageReadException, InferenceException, DicomWriteException {
        long t0 = System.nanoTime();
        boolean dicom = ImageFormat.detect(file) == ImageFormat.DICOM;
        SourceImage src = dicom ? SourceImage.read(file) : null;
        Image2D image = ImageFiles.readImage2D(file);
        long t1 = System.nanoTime();
        ImageEmbedding e = model.imageEncoder().encode(image);
        List<FindingScore> scores = model.classifier().classify(e, model.classifier().defaultFindings());
        Map<String, Double> probs = new LinkedHashMap<>();
        List<ScoredFinding> findings = new ArrayList<>();
        for (FindingScore s : scores) {
            probs.put(s.finding(), s.probability());
            findings.add(new ScoredFinding(s.finding(), Math.min(1, Math.max(0, s.probability()))));
        }
        LabelMask mask = segment ? model.segmenter().segment(e) : null;
        double area = mask == null ? Double.NaN : mask.count(1) * image.geometry().spacing(0)
                * image.geometry().spacing(1);
        long t2 = System.nanoTime();
        byte[] sr = new byte[0];
        byte[] seg = new byte[0];
        if (derive && src != null) {
            sr = StructuredReports.measurementReport(src, findings, algorithm);
            if (mask != null) {
                seg = Segmentations.binary(src, lungs(mask), mask.classNames().get(0), algorithm);
            }
        }
        ResultRow row = new ResultRow(id, src == null ? "" : src.sopInstanceUid(), probs, area,
                sr.length > 0 ? StructuredReports.instanceUid(src, algorithm) : "",
                seg.length > 0 ? Segmentations.instanceUid(src, algorithm) : "", "")
                .withTiming("decode", (t1 - t0) / 1e6).withTiming("inference", (t2 - t1) / 1e6)
                .withTiming("write", (System.nanoTime() - t2) / 1e6);
        return new Scored(row, sr, seg);
    }

    /** Label 1 of the (2D) mask as 0/1 bytes in the source grid. */
    private static byte[] lungs(LabelMask mask) {
        byte[] l = mask.labels();
        for (int i = 0; i < l.length; i++) {
            l[i] = (byte) (l[i] == 1 ? 1 : 0);
        }
        return l;
    }
}
