package org.radlens.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.RadLensModel;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.pipeline.CsvTables;
import org.radlens.pipeline.InputGates;
import org.radlens.pipeline.ResultRow;
import org.radlens.volume3d.Image2D;

/**
 * Scores every image file of a folder (not recursive; DICOM, PNG, JPEG by content; other files are skipped) with the
 * zero-shot classifier, behind the input gate every RadLens entry point shares (dicom-io's {@link ScopeGate} and the
 * package's embedding gate): CT, MR, SR, … files and NIfTI volumes get a {@code refused:<reason>} row without scores,
 * flagged images are scored with their flag in the {@code input_scope} column. One file's failure becomes an error row
 * and the batch goes on. Rows are pipeline's {@link ResultRow}s, the CSV is written in pipeline's conventions.
 */
public final class BatchScorer {
    private BatchScorer() {
    }

    /**
     * One file's outcome: pipeline's {@link ResultRow} (id = the file name; status scored, refused or error; probability
     * per finding in the package's order; the input gate's verdict and its explanation, or the error) and the top
     * finding.
     */
    public record Row(ResultRow result) {
        public String file() {
            return result.id();
        }

        public Map<String, Double> probabilities() {
            return result.findings();
        }

        /** The finding with the highest probability (the first of equals); "" when nothing was scored. */
        public String top() {
            String top = "";
            double best = -1;
            for (Map.Entry<String, Double> p : result.findings().entrySet()) {
                if (p.getValue() > best) {
                    best = p.getValue();
                    top = p.getKey();
                }
            }
            return top;
        }

        public String scope() {
            return result.scope();
        }

        public String note() {
            return result.note();
        }

        public String error() {
            return result.error();
        }
    }

    /** The image files of {@code folder}, sorted by name. */
    public static List<Path> imageFiles(Path folder) throws UserError {
        if (!Files.isDirectory(folder)) {
            throw new UserError(folder + " is not a folder: choose the folder that holds the images.");
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted()
                    .filter(p -> ImageFormat.detect(p) != ImageFormat.UNKNOWN).toList();
        } catch (IOException e) {
            throw new UserError("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Scores {@code files}; Esc stops after the current file and keeps the rows so far. */
    public static List<Row> score(RadLensModel model, List<Path> files, Map<String, FindingPrompts> findings)
            throws Cancelled {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Commands.step("Batch Score Folder", i, files.size());
            rows.add(scoreOne(model, files.get(i), findings));
        }
        return rows;
    }

    private static Row scoreOne(RadLensModel model, Path file, Map<String, FindingPrompts> findings) {
        String name = file.getFileName().toString();
        try {
            Scope scope = ScopeGate.chestRadiographs().check(InputFacts.read(file), name);
            if (scope.refused()) {
                return new Row(ResultRow.refused(name, "", scope.label(), FijiWording.of(scope.message())));
            }
            Image2D img = ImageFiles.readImage2D(file);
            if (img.channels() > 1) {
                if (!InputChecks.isGreyInColour(img)) {
                    return new Row(ResultRow.failure(name, "colour image: not a greyscale radiograph"));
                }
                img = img.toGray();
            }
            InputGates.Encoded in = InputGates.encode(model, scope, img);
            Map<String, Double> p = new LinkedHashMap<>();
            for (FindingScore s : model.classifier().classify(in.embedding(), findings)) {
                p.put(s.finding(), s.probability());
            }
            return new Row(new ResultRow(name, "", p, Double.NaN, "", "", "")
                    .withScope(in.scope().label(), FijiWording.of(in.scope().message())));
        } catch (Exception e) { // the batch loop's one catch-all: a file's failure is its row
            return new Row(ResultRow.failure(name, Commands.message(e).replace('\n', ' ')));
        }
    }

    /**
     * Writes {@code rows} as CSV: file, one column per finding, top, input_scope, note, error, in pipeline's
     * conventions ({@link CsvTables}: quoting, line breaks folded, atomic replace).
     */
    public static void writeCsv(List<Row> rows, List<String> findings, Path csv) throws IOException {
        List<String> header = new ArrayList<>(List.of("file"));
        header.addAll(findings);
        header.addAll(List.of("top", "input_scope", "note", "error"));
        StringBuilder sb = new StringBuilder(CsvTables.line(header)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.file()));
            findings.forEach(f -> cells.add(CsvTables.probability(r.probabilities().get(f))));
            cells.addAll(List.of(r.top(), r.scope(), r.note(), r.error()));
            sb.append(CsvTables.line(cells)).append('\n');
        }
        CsvTables.replace(csv, sb.toString());
    }
}
