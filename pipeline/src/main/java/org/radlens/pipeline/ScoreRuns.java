package org.radlens.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.InstanceRef;

/**
 * The body of a {@code radlens score} run once its model and journal are open: expand the inputs (or query the
 * server), run them through {@link BatchRunner} and return the counts; {@code progress} gets the number of items
 * left to do and returns where to report them. {@code radlens score} and
 * {@code radlens bench score} both call these, so the benchmark times exactly the command's code path.
 *
 * <pre>{@code
 * BatchRunner.Summary s = ScoreRuns.files(engine, journal, List.of("in/"), out, true, 2, 4, n -> Progress.NONE);
 * OutputFiles.write(out, journal.rows());
 * }</pre>
 */
public final class ScoreRuns {
    private ScoreRuns() {
    }

    /** Files, folders or globs; SR/SEG files into {@code out/dicom} when {@code writeDicom}. */
    public static BatchRunner.Summary files(ScoringEngine engine, Journal journal, List<String> inputs, Path out,
                                            boolean writeDicom, int workers, int queue,
                                            LongFunction<Progress> progress)
            throws IOException, InterruptedException {
        List<FileInputs.Item> items = FileInputs.expand(inputs, out);
        FolderScoring work = new FolderScoring(engine, writeDicom ? out.resolve("dicom") : null, UidClaims.in(out));
        return BatchRunner.run(items, FileInputs.Item::id, work, journal, workers, queue,
                progress.apply(items.stream().filter(i -> !journal.isDone(i.id())).count()));
    }

    /** The instances {@link DicomWebScoring#query} finds; SR/SEG are STOWed back (temp files in {@code out/tmp}). */
    public static BatchRunner.Summary dicomWeb(ScoringEngine engine, Journal journal, DicomWebClient client,
                                               List<String> studies, List<String> modalities, String studyDate,
                                               Path out, int workers, int queue,
                                               LongFunction<Progress> progress)
            throws IOException, InterruptedException {
        List<InstanceRef> refs = DicomWebScoring.query(client, studies, modalities, studyDate);
        Path work = Files.createDirectories(out.resolve("tmp"));
        return BatchRunner.run(refs, InstanceRef::sopInstanceUid, new DicomWebScoring(client, engine, work), journal,
                workers, queue, progress.apply(refs.stream().filter(r -> !journal.isDone(r.sopInstanceUid())).count()));
    }
}
