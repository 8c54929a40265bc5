package org.radlens.validation.conformance;

import org.radlens.validation.report.Reports;
import org.radlens.models.pkg.Sha256;
import org.radlens.dicomio.reference.DicomReferenceCheck;
import org.radlens.dicomio.reference.ReferenceJson;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.dicomio.TransferSyntax;
import org.radlens.validation.eval.EvalException;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.OutputDir;

/**
 * The I/O conformance suites {@code dicom-conformance} and {@code nifti-conformance}: every record of the data
 * folder's reference file ({@code dicom/expected.json}: pydicom; {@code nifti/expected.json}: nibabel) read by
 * dicom-io, counted per category, written as {@code metrics.json} ({@code task}, {@code n}, {@code metrics}
 * {@code {by_transfer_syntax | by_source: {…: {files, equal, within_tolerance, unsupported, …, failed}, total}}},
 * {@code data},
 * {@code failures}, {@code known_deviations}) and {@code report.md}.
 */
public final class ConformanceSuites {
    /** The suite names. */
    public static final List<String> NAMES = List.of("dicom-conformance", "nifti-conformance");

    private ConformanceSuites() {
    }

    public static boolean isConformance(String suite) {
        return NAMES.contains(suite);
    }

    /** Runs the suite over {@code data} into {@code out}; a finished report there is kept unless {@code force}. */
    public static ConformanceTally run(String suite, Path data, Path out, boolean force)
            throws IOException, EvalException {
        boolean dicom = suite.equals("dicom-conformance");
        if (!isConformance(suite)) {
            throw new IllegalArgumentException("not a conformance suite: " + suite + " (" + NAMES + ")");
        }
        Path expected = data.resolve(dicom ? "dicom/expected.json" : "nifti/expected.json");
        if (!Files.isRegularFile(expected)) {
            throw new EvalException(expected + " not found: give the data folder with --data or RADLENS_DATA");
        }
        OutputDir.prepare(out, force);
        ConformanceTally tally = new ConformanceTally();
        for (JsonElement e : records(expected)) {
            JsonObject rec = e.getAsJsonObject();
            String path = rec.get("path").getAsString();
            DicomReferenceCheck.Result r = dicom ? DicomReferenceCheck.check(data, rec) : NiftiConformance.check(data, rec);
            tally.add(dicom ? syntax(rec) : NiftiConformance.category(path), r.outcome(), path + ": " + r.detail());
        }
        write(suite, expected, tally, out, dicom ? "transfer syntax" : "source, suffix",
                dicom ? "by_transfer_syntax" : "by_source");
        return tally;
    }

    private static Iterable<JsonElement> records(Path expected) throws IOException, EvalException {
        try {
            return JsonParser.parseString(Files.readString(expected)).getAsJsonObject().getAsJsonArray("files");
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new EvalException(expected + " is not a reference file with a \"files\" array: " + e.getMessage(),
                    e);
        }
    }

    private static String syntax(JsonObject rec) {
        String ts = ReferenceJson.str(rec, "transfer_syntax_uid");
        return ts.isEmpty() ? "(no transfer syntax)" : ts + " " + TransferSyntax.nameOf(ts);
    }

    private static void write(String suite, Path expected, ConformanceTally t, Path out, String header,
            String key) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("task", suite);
        root.put("n", t.files());
        root.put("metrics", Map.of(key, t.byCategory()));
        root.put("model", null);
        root.put("data", Reports.ordered("manifest", expected.toString(), "sha256", Sha256.hex(expected)));
        root.put("failures", t.failures());
        root.put("known_deviations", t.deviations());
        Files.writeString(out.resolve(OutputDir.METRICS), new GsonBuilder().setPrettyPrinting().serializeNulls()
                .create().toJson(root) + "\n", StandardCharsets.UTF_8);
        StringBuilder md = new StringBuilder("# " + suite + "\n\nReference: `" + expected + "`; " + t.files()
                + " files read by dicom-io, " + t.failures().size() + " failed.\n\n" + t.table(header));
        appendList(md, "Known deviations", t.deviations());
        appendList(md, "Failures", t.failures());
        md.append("\nOutcomes: equal = identical decoded values; within tolerance = lossy syntax, mean within "
                + "max(1, 1 % of the range); unsupported = declared, clean exception naming the syntax; no pixel "
                + "data / reference failed = nothing to compare.\n");
        Files.writeString(out.resolve(OutputDir.REPORT), md.toString(), StandardCharsets.UTF_8);
    }

    private static void appendList(StringBuilder md, String title, List<String> items) {
        if (!items.isEmpty()) {
            md.append("\n## ").append(title).append("\n\n");
            items.forEach(i -> md.append("- ").append(i).append('\n'));
        }
    }
}
