package org.radlens.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;

/**
 * Scores every image file of a folder (not recursive; DICOM, PNG, JPEG by content; other files are skipped) with the
 * zero-shot classifier, behind the input gate every RadLens entry point shares (dicom-io's {@link ScopeGate} and the
 * package's embedding gate): CT, MR, SR, … files and NIfTI volumes get a {@code refused:<reason>} row without scores,
 * flagged images are scored with their flag in the {@code input_scope} column. One file's failure becomes an error row
 * and the batch goes on.
 */
public final class BatchScorer {
    private BatchScorer() {
    }

    /**
     * One file: probability per finding (in the package's order), the input gate's verdict and its explanation, or
     * the error.
     */
    public record Row(String file, Map<String, Double> probabilities, String top, String scope, String note,
                      String error) {
        Row(String file, String error) {
            this(file, Map.of(), "", "", "", error);
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
                return new Row(name, Map.of(), "", scope.label(), FijiWording.of(scope.message()), "");
            }
            Image2D img = ImageFiles.readImage2D(file);
            if (img.channels() > 1) {
                if (!InputChecks.isGreyInColour(img)) {
                    return new Row(name, "colour image: not a greyscale radiograph");
                }
                img = img.toGray();
            }
            ImageEmbedding e = model.imageEncoder().encode(img);
            scope = InputChecks.withEmbedding(model, scope, e);
            Map<String, Double> p = new LinkedHashMap<>();
            String top = "";
            double best = -1;
            for (FindingScore s : model.classifier().classify(e, findings)) {
                p.put(s.finding(), s.probability());
                if (s.probability() > best) {
                    best = s.probability();
                    top = s.finding();
                }
            }
            return new Row(name, p, top, scope.label(), FijiWording.of(scope.message()), "");
        } catch (Exception e) { // the batch loop's one catch-all: a file's failure is its row
            return new Row(name, Commands.message(e).replace('\n', ' '));
        }
    }

    /** Writes {@code rows} as CSV: file, one column per finding, top, input_scope, note, error. */
    public static void writeCsv(List<Row> rows, List<String> findings, Path csv) throws IOException {
        StringBuilder sb = new StringBuilder("file");
        for (String f : findings) {
            sb.append(',').append(quote(f));
        }
        sb.append(",top,input_scope,note,error\n");
        for (Row r : rows) {
            sb.append(quote(r.file()));
            for (String f : findings) {
                Double p = r.probabilities().get(f);
                sb.append(',').append(p == null ? "" : String.format(Locale.ROOT, "%.6f", p));
            }
            sb.append(',').append(quote(r.top())).append(',').append(quote(r.scope())).append(',')
                    .append(quote(r.note())).append(',').append(quote(r.error())).append('\n');
        }
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
