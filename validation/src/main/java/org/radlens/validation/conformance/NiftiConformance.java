package org.radlens.validation.conformance;

import org.radlens.dicomio.reference.Outcome;
import org.radlens.dicomio.reference.DicomReferenceCheck;
import org.radlens.dicomio.reference.ReferenceJson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.nifti.NiftiHeader;
import org.radlens.dicomio.nifti.NiftiImage;
import org.radlens.dicomio.nifti.NiftiReader;

/**
 * Compares one record of {@code $RADLENS_DATA/nifti/expected.json} (nibabel reference) with {@link NiftiReader}:
 * shape, RAS affine (= nibabel's {@code img.affine}, 1e-4 mm), scaled values as float32 (min, max, sum to 1e-6
 * relative, non-zero count, five sampled voxels); header-only files by their first dimension. As dicom-io's
 * {@code NiftiConformanceTest}, which additionally checks its internal LPS round trip.
 */
public final class NiftiConformance {
    private NiftiConformance() {
    }

    /** The category of a record: source folder and suffix, e.g. {@code nifti/nibabel .nii.gz}. */
    public static String category(String path) {
        int slash = path.indexOf('/', 6);
        String folder = slash < 0 ? path : path.substring(0, slash);
        return folder + " " + (path.endsWith(".gz") ? ".nii.gz" : path.substring(path.lastIndexOf('.')));
    }

    /** EQUAL when every check passes, else FAILED with the first difference. */
    public static DicomReferenceCheck.Result check(Path root, JsonObject rec) {
        String why;
        try {
            why = difference(root.resolve(rec.get("path").getAsString()), rec);
        } catch (ImageReadException | RuntimeException e) {
            why = "threw " + e;
        }
        return new DicomReferenceCheck.Result(why == null ? Outcome.EQUAL : Outcome.FAILED, why == null ? "" : why);
    }

    private static String difference(Path file, JsonObject rec) throws ImageReadException {
        if (rec.has("header_only") && rec.get("header_only").getAsBoolean()) {
            NiftiHeader h = NiftiReader.readHeader(file);
            return h.dim()[1] == rec.getAsJsonObject("header").getAsJsonArray("dim").get(1).getAsLong() ? null
                    : "dim differs";
        }
        NiftiImage img = NiftiReader.read(file);
        long[] shape = ReferenceJson.longs(rec.getAsJsonArray("shape"));
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
        String stats = statistics(img.data(), rec.getAsJsonObject("fdata"));
        return stats != null ? stats : voxels(img, rec, shape);
    }

    private static String statistics(float[] data, JsonObject f) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long nonzero = 0;
        for (float v : data) { // the reference: nanmin, nanmax, sum (NaN propagates)
            min = Float.isNaN(v) ? min : Math.min(min, v);
            max = Float.isNaN(v) ? max : Math.max(max, v);
            sum += v;
            nonzero += v != 0 ? 1 : 0;
        }
        double refSum = ReferenceJson.num(f.get("sum"));
        boolean sumOk = Double.isNaN(refSum) ? Double.isNaN(sum)
                : Math.abs(sum - refSum) <= 1e-6 * Math.max(1, Math.abs(refSum)) + 1e-3;
        if (Float.compare((float) min, (float) ReferenceJson.num(f.get("min"))) != 0
                || Float.compare((float) max, (float) ReferenceJson.num(f.get("max"))) != 0 || !sumOk
                || nonzero != f.get("n_nonzero").getAsLong()) {
            return "values differ: ours min/max/sum/nz " + min + "/" + max + "/" + sum + "/" + nonzero + " ref " + f;
        }
        return null;
    }

    private static String voxels(NiftiImage img, JsonObject rec, long[] shape) {
        for (Map.Entry<String, JsonElement> v : rec.getAsJsonObject("voxels").entrySet()) {
            long[] idx = ReferenceJson.longs(v.getValue().getAsJsonObject().getAsJsonArray("index"));
            long flat = 0;
            for (int i = idx.length - 1; i >= 0; i--) {
                flat = flat * shape[i] + idx[i];
            }
            float ours = img.data()[(int) flat];
            if (Float.compare(ours, (float) ReferenceJson.num(v.getValue().getAsJsonObject().get("value"))) != 0) {
                return "voxel " + v.getKey() + " = " + ours + " ref " + v.getValue();
            }
        }
        return null;
    }
}
