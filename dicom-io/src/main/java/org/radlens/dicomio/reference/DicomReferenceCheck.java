package org.radlens.dicomio.reference;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.radlens.dicomio.DecoderLimits;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.DicomPixels;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;
import org.radlens.dicomio.TransferSyntax;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * Compares one record of {@code $RADLENS_DATA/dicom/expected.json} (pydicom 2.3.1 reference) with what
 * {@link DicomReader#readPixels} decodes: shape and header attributes, then stored values (sha256 of the decoded
 * array for an exact match; for lossy syntaxes the mean within max(1, 1 % of the range)). Declared-unsupported
 * syntaxes must throw {@link UnsupportedFormatException} naming the transfer syntax. The one implementation of
 * these rules: dicom-io's conformance tests and validation's {@code eval suite dicom-conformance} both call it.
 */
public final class DicomReferenceCheck {
    /** One file's outcome and what was seen. */
    public record Result(Outcome outcome, String detail) {
    }

    private DicomReferenceCheck() {
    }

    /**
     * Files where we knowingly differ from pydicom, with the reason; reported in their own column, never silently.
     */
    public static final java.util.Map<String, String> KNOWN_DEVIATIONS = java.util.Map.of(
            "dicom/pydicom/GDCMJ2K_TextGBR.dcm", "YBR_RCT JPEG 2000 written by GDCM: jai-imageio's decode differs from "
                    + "GDCM's in a few samples (Pillow/OpenJPEG cannot decode it at all)");

    /** Checks the record's file under {@code root} (the data folder). */
    public static Result check(Path root, JsonObject rec) {
        Result r = checkFile(root, rec);
        String known = KNOWN_DEVIATIONS.get(rec.get("path").getAsString());
        if (known != null && r.outcome() == Outcome.FAILED) {
            return new Result(Outcome.KNOWN_DEVIATION, known + " — " + r.detail());
        }
        return r;
    }

    private static Result checkFile(Path root, JsonObject rec) {
        Path file = root.resolve(rec.get("path").getAsString());
        String ts = ReferenceJson.str(rec, "transfer_syntax_uid");
        JsonElement px = rec.get("pixel");
        boolean hasRef = px != null && px.isJsonObject();
        DicomPixels ours;
        try {
            ours = DicomReader.readPixels(file);
        } catch (UnsupportedFormatException e) {
            return unsupported(rec, hasRef, e);
        } catch (ImageReadException e) {
            if (!hasRef || rec.has("pixel_nondeterministic")) {
                return new Result(rec.has("decode_error") ? Outcome.REFERENCE_FAILED : Outcome.NO_PIXELS,
                        e.getMessage());
            }
            return new Result(Outcome.FAILED, "reference decoded, we refused: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(Outcome.FAILED, "unchecked failure: " + ReadFailures.describe(e));
        }
        if (!hasRef || rec.has("pixel_nondeterministic")) {
            return new Result(hasRef || rec.has("decode_error") ? Outcome.REFERENCE_FAILED : Outcome.NO_PIXELS,
                    "decoded; no (stable) reference");
        }
        String header = headerMismatch(rec, ours.header());
        if (header != null) {
            return new Result(Outcome.FAILED, header);
        }
        return compareValues(px.getAsJsonObject(), ours, TransferSyntax.byUid(ts),
                ReferenceJson.str(rec, "photometric_interpretation"));
    }

    private static Result unsupported(JsonObject rec, boolean hasRef, UnsupportedFormatException e) {
        TransferSyntax t = TransferSyntax.byUid(ReferenceJson.str(rec, "transfer_syntax_uid"));
        boolean declared = t == null || !t.decodable() || declaredLimit(e.file(), e);
        if (!hasRef) {
            return new Result(rec.has("decode_error") ? Outcome.REFERENCE_FAILED : Outcome.NO_PIXELS, e.getMessage());
        }
        if (declared && e.getMessage().contains(e.transferSyntaxUid()) && !e.transferSyntaxUid().isEmpty()) {
            return new Result(Outcome.UNSUPPORTED, e.getMessage());
        }
        return new Result(Outcome.FAILED, "undeclared unsupported: " + e.getMessage());
    }

    private static boolean declaredLimit(Path file, UnsupportedFormatException e) {
        try {
            String why = DecoderLimits.limitation(DicomReader.readHeader(file));
            return why != null && e.getMessage().contains(why);
        } catch (ImageReadException x) {
            return false;
        }
    }

    private static String headerMismatch(JsonObject rec, DicomHeader h) {
        int frames = rec.get("number_of_frames").isJsonNull() ? 1 : rec.get("number_of_frames").getAsInt();
        if (rec.get("rows").getAsInt() != h.rows() || rec.get("columns").getAsInt() != h.columns()
                || frames != h.frames()) {
            return "size " + h.rows() + "x" + h.columns() + "x" + h.frames() + " differs";
        }
        double[] ipp = ReferenceJson.doubles(rec, "image_position_patient");
        if (ipp != null && ipp.length == 3 && !close(ipp, h.imagePosition())) {
            return "ImagePositionPatient differs";
        }
        double[] iop = ReferenceJson.doubles(rec, "image_orientation_patient");
        if (iop != null && iop.length == 6 && !close(iop, h.imageOrientation())) {
            return "ImageOrientationPatient differs";
        }
        double[] ps = ReferenceJson.doubles(rec, "pixel_spacing");
        if (ps != null && ps.length == 2 && ps[0] > 0 && ps[1] > 0 && !close(ps, h.pixelSpacing())) {
            return "PixelSpacing differs";
        }
        JsonElement slope = rec.get("rescale_slope");
        if (slope != null && !slope.isJsonNull() && Math.abs(slope.getAsDouble() - h.rescaleSlope()) > 1e-9) {
            return "RescaleSlope differs";
        }
        return null;
    }

    /** Mean of interleaved RGB converted to YBR_FULL (PS3.3 C.7.6.3.1.2). */
    private static double ybrMean(int[] rgb) {
        double sum = 0;
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            double r = rgb[i];
            double g = rgb[i + 1];
            double b = rgb[i + 2];
            sum += Math.round(0.299 * r + 0.587 * g + 0.114 * b)
                    + Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128)
                    + Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
        }
        return sum / rgb.length;
    }

    private static boolean close(double[] a, double[] b) {
        if (b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    private static Result compareValues(JsonObject ref, DicomPixels ours, TransferSyntax ts, String refPhotometric) {
        long n = 1;
        for (JsonElement d : ref.getAsJsonArray("shape")) {
            n *= d.getAsLong();
        }
        if (n != ours.size()) {
            return new Result(Outcome.FAILED, "sample count " + ours.size() + " vs " + n);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < ours.size(); i++) {
            double v = ours.real(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        String stats = "ours min/max/sum " + min + "/" + max + "/" + (long) sum + " ref " + ref.get("min") + "/"
                + ref.get("max") + "/" + ref.get("sum");
        String dtype = ref.get("dtype").getAsString();
        int bytes = dtype.endsWith("8") ? 1 : dtype.endsWith("16") ? 2 : dtype.endsWith("32") ? 4 : 8;
        if (ours.reals() != null && !dtype.startsWith("float")) {
            return new Result(Outcome.FAILED, "float values where pydicom has " + dtype);
        }
        if (ours.sha256(bytes).equals(ref.get("sha256").getAsString())) {
            return new Result(Outcome.EQUAL, stats);
        }
        if (ts == null || !ts.lossy()) {
            return new Result(Outcome.FAILED, "lossless, values differ: " + stats);
        }
        return lossy(ref, ours, sum / n, refPhotometric, stats);
    }

    /** Lossy syntaxes: the mean within max(1, 1 % of the reference range), in YBR_FULL when pydicom kept YBR. */
    private static Result lossy(JsonObject ref, DicomPixels ours, double mean, String refPhotometric, String stats) {
        double refMean = ref.get("mean").getAsDouble();
        double tol = Math.max(1, 0.01 * (ref.get("max").getAsDouble() - ref.get("min").getAsDouble()));
        if (Math.abs(mean - refMean) <= tol) {
            return new Result(Outcome.WITHIN_TOLERANCE, stats);
        }
        if (refPhotometric.startsWith("YBR") && "RGB".equals(ours.header().photometric())
                && Math.abs(ybrMean(ours.samples()) - refMean) <= tol) {
            return new Result(Outcome.WITHIN_TOLERANCE, stats + " (compared in YBR_FULL: reference kept YBR)");
        }
        return new Result(Outcome.FAILED, "lossy, mean off: " + stats);
    }
}
