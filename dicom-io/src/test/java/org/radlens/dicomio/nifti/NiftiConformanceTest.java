package org.radlens.dicomio.nifti;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.ConformanceTable;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.InvalidGeometryException;
import org.radlens.dicomio.TestData;
import org.radlens.dicomio.reference.Outcome;

/**
 * Every file of $RADLENS_DATA/nifti/expected.json (nibabel reference): shape, affine (= nibabel's img.affine,
 * 1e-4 mm), LPS geometry round trip, scaled values (min, max, sum to 1e-6 relative, non-zero count, five
 * sampled voxels). Exact: all values are compared after scaling as float32.
 */
@Tag("data")
public class NiftiConformanceTest {

    @Test
    void everyReferenceFileConforms() throws IOException {
        Path root = TestData.root();
        JsonObject expected = JsonParser.parseString(Files.readString(root.resolve("nifti/expected.json")))
                .getAsJsonObject();
        ConformanceTable table = new ConformanceTable();
        for (JsonElement e : expected.getAsJsonArray("files")) {
            JsonObject rec = e.getAsJsonObject();
            String path = rec.get("path").getAsString();
            String category = path.substring(0, path.indexOf('/', 6)) + " " + (path.endsWith(".gz") ? ".nii.gz"
                    : path.substring(path.lastIndexOf('.')));
            String why;
            try {
                why = check(root.resolve(path), rec);
            } catch (ImageReadException | RuntimeException ex) {
                why = "threw " + ex;
            }
            table.add(category, why == null ? Outcome.EQUAL : Outcome.FAILED, path + ": " + why);
        }
        System.out.println(table.render("NIfTI conformance vs nibabel"));
        assertTrue(table.failures().isEmpty(), String.join("\n", table.failures()));
    }

    public static String check(Path file, JsonObject rec) throws ImageReadException {
        if (rec.has("header_only") && rec.get("header_only").getAsBoolean()) {
            NiftiHeader h = NiftiReader.readHeader(file);
            return h.dim()[1] == rec.getAsJsonObject("header").getAsJsonArray("dim").get(1).getAsLong() ? null
                    : "dim differs";
        }
        NiftiImage img = NiftiReader.read(file);
        long[] shape = longs(rec.getAsJsonArray("shape"));
        for (int i = 0; i < shape.length; i++) {
            if (img.header().dim()[i + 1] != shape[i]) {
                return "shape differs at " + i;
            }
        }
        double[] affine = img.header().rasAffine();
        JsonArray ref = rec.getAsJsonArray("affine");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                if (Math.abs(affine[4 * r + c] - ref.get(r).getAsJsonArray().get(c).getAsDouble()) > 1e-4) {
                    return "affine differs at " + r + "," + c + ": " + affine[4 * r + c];
                }
            }
        }
        String geometry = geometryRoundTrip(file, affine);
        return geometry != null ? geometry : values(img, rec, shape);
    }

    private static String geometryRoundTrip(Path file, double[] affine) {
        try {
            double[] back = NiftiGeometry.toRas(NiftiGeometry.toLps(file, affine));
            for (int i = 0; i < 12; i++) {
                if (Math.abs(back[i] - affine[i]) > 1e-4) {
                    return "RAS→LPS→RAS changes the affine at " + i;
                }
            }
            return null;
        } catch (InvalidGeometryException e) {
            return null; // sheared affines are refused by readVolume, reported by NiftiVolumeTest
        }
    }

    private static String values(NiftiImage img, JsonObject rec, long[] shape) {
        JsonObject f = rec.getAsJsonObject("fdata");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long nonzero = 0;
        for (float v : img.data()) { // the reference: nanmin, nanmax, sum (NaN propagates)
            min = Float.isNaN(v) ? min : Math.min(min, v);
            max = Float.isNaN(v) ? max : Math.max(max, v);
            sum += v;
            nonzero += v != 0 ? 1 : 0;
        }
        double refSum = num(f.get("sum"));
        boolean sumOk = Double.isNaN(refSum) ? Double.isNaN(sum)
                : Math.abs(sum - refSum) <= 1e-6 * Math.max(1, Math.abs(refSum)) + 1e-3;
        if (Float.compare((float) min, (float) num(f.get("min"))) != 0
                || Float.compare((float) max, (float) num(f.get("max"))) != 0 || !sumOk
                || nonzero != f.get("n_nonzero").getAsLong()) {
            return "values differ: ours min/max/sum/nz " + min + "/" + max + "/" + sum + "/" + nonzero + " ref " + f;
        }
        for (Map.Entry<String, JsonElement> v : rec.getAsJsonObject("voxels").entrySet()) {
            long[] idx = longs(v.getValue().getAsJsonObject().getAsJsonArray("index"));
            long flat = 0;
            for (int i = idx.length - 1; i >= 0; i--) {
                flat = flat * shape[i] + idx[i];
            }
            float ours = img.data()[(int) flat];
            if (Float.compare(ours, (float) num(v.getValue().getAsJsonObject().get("value"))) != 0) {
                return "voxel " + v.getKey() + " = " + ours + " ref " + v.getValue();
            }
        }
        return null;
    }

    /** A JSON number, or NaN for nibabel's "nan" strings. */
    private static double num(JsonElement e) {
        String s = e.getAsString();
        return "nan".equalsIgnoreCase(s) ? Double.NaN : Double.parseDouble(s);
    }

    private static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

}
