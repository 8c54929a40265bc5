package org.radlens.dicomio;

import static org.radlens.dicomio.DicomAttributes.doubles;
import static org.radlens.dicomio.DicomAttributes.frameGroupValue;
import static org.radlens.dicomio.DicomAttributes.integer;
import static org.radlens.dicomio.DicomAttributes.number;
import static org.radlens.dicomio.DicomAttributes.text;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.Optional;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.volume3d.IntensityInfo.Window;

/**
 * The attributes of one DICOM object that decoding and geometry need, with DICOM's own conventions
 * (LPS mm; {@code pixelSpacing} = [row spacing, column spacing] as stored). No patient identifiers are kept.
 *
 * @param transferSyntaxUid    as found in the meta header, or guessed for files without one
 * @param modality             (0008,0060), "OT" when absent
 * @param seriesInstanceUid    (0020,000E), "" when absent
 * @param instanceNumber       (0020,0013), 0 when absent
 * @param rows                 (0028,0010)
 * @param columns              (0028,0011)
 * @param frames               (0028,0008), 1 when absent
 * @param samplesPerPixel      (0028,0002)
 * @param photometric          (0028,0004) of the decoded data (after any colour conversion by the codec)
 * @param bitsAllocated        (0028,0100)
 * @param bitsStored           (0028,0101)
 * @param signed               (0028,0103) == 1
 * @param planarConfiguration  (0028,0006), 0 when absent
 * @param rescaleSlope         (0028,1053), else from the shared (or frame 0's) Pixel Value Transformation
 *                             functional group, 1 when absent
 * @param rescaleIntercept     (0028,1052), 0 when absent
 * @param hasRescale           true when slope or intercept were present
 * @param rescaleType          (0028,1054), "" when absent
 * @param window               first (0028,1050)/(0028,1051) pair (or Frame VOI LUT functional group), if valid
 * @param hasVoiLut            true when a VOI LUT Sequence (0028,3010) is present (metadata only, never applied)
 * @param imagePosition        (0020,0032) or per-frame position of frame 0, null when absent
 * @param imageOrientation     (0020,0037) or shared functional group value, null when absent
 * @param pixelSpacing         (0028,0030), else (0018,1164) imager pixel spacing, else null
 * @param sliceThickness       (0018,0050), 0 when absent
 */
public record DicomHeader(String transferSyntaxUid, String modality, String seriesInstanceUid, int instanceNumber,
                          int rows, int columns, int frames, int samplesPerPixel, String photometric,
                          int bitsAllocated, int bitsStored, boolean signed, int planarConfiguration,
                          double rescaleSlope, double rescaleIntercept, boolean hasRescale, String rescaleType,
                          Optional<Window> window, boolean hasVoiLut, double[] imagePosition,
                          double[] imageOrientation, double[] pixelSpacing, double sliceThickness) {
    private static final AttributeTag PER_FRAME = TagFromName.PerFrameFunctionalGroupsSequence;
    private static final AttributeTag SHARED = TagFromName.SharedFunctionalGroupsSequence;

    /** The header of a parsed object ({@code ts}: its transfer syntax UID); PixelMed stays behind this edge. */
    static DicomHeader read(AttributeList l, String ts) {
        double slope = numberOrGroup(l, TagFromName.PixelValueTransformationSequence, TagFromName.RescaleSlope);
        double intercept = numberOrGroup(l, TagFromName.PixelValueTransformationSequence,
                TagFromName.RescaleIntercept);
        boolean hasRescale = !Double.isNaN(slope) || !Double.isNaN(intercept);
        return new DicomHeader(ts, text(l, TagFromName.Modality, "OT"), text(l, TagFromName.SeriesInstanceUID, ""),
                (int) number(l, TagFromName.InstanceNumber, 0), integer(l, TagFromName.Rows),
                integer(l, TagFromName.Columns), Math.max(1, (int) number(l, TagFromName.NumberOfFrames, 1)),
                Math.max(1, integer(l, TagFromName.SamplesPerPixel)),
                text(l, TagFromName.PhotometricInterpretation, "MONOCHROME2").trim(),
                integer(l, TagFromName.BitsAllocated), integer(l, TagFromName.BitsStored),
                integer(l, TagFromName.PixelRepresentation) == 1, integer(l, TagFromName.PlanarConfiguration),
                Double.isNaN(slope) || slope == 0 ? 1 : slope, Double.isNaN(intercept) ? 0 : intercept, hasRescale,
                text(l, TagFromName.RescaleType, ""), window(l), l.get(TagFromName.VOILUTSequence) != null,
                position(l), orientation(l), spacing(l), number(l, TagFromName.SliceThickness, 0));
    }

    private static Optional<Window> window(AttributeList l) {
        double c = numberOrGroup(l, TagFromName.FrameVOILUTSequence, TagFromName.WindowCenter);
        double w = numberOrGroup(l, TagFromName.FrameVOILUTSequence, TagFromName.WindowWidth);
        return Double.isFinite(c) && w > 0 ? Optional.of(new Window(c, w)) : Optional.empty();
    }

    private static double[] position(AttributeList l) {
        double[] p = doubles(l, TagFromName.ImagePositionPatient, 3);
        return p != null ? p : frameGroupValue(l, PER_FRAME, TagFromName.PlanePositionSequence,
                TagFromName.ImagePositionPatient, 3, 0);
    }

    private static double[] orientation(AttributeList l) {
        double[] o = doubles(l, TagFromName.ImageOrientationPatient, 6);
        if (o == null) {
            o = frameGroupValue(l, SHARED, TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient,
                    6, 0);
        }
        return o != null ? o : frameGroupValue(l, PER_FRAME, TagFromName.PlaneOrientationSequence,
                TagFromName.ImageOrientationPatient, 6, 0);
    }

    private static double[] spacing(AttributeList l) {
        double[] s = doubles(l, TagFromName.PixelSpacing, 2);
        if (s == null) {
            s = frameGroupValue(l, SHARED, TagFromName.PixelMeasuresSequence, TagFromName.PixelSpacing, 2, 0);
        }
        if (s == null) {
            s = doubles(l, TagFromName.ImagerPixelSpacing, 2);
        }
        return s != null && s[0] > 0 && s[1] > 0 && Double.isFinite(s[0] + s[1]) ? s : null;
    }

    /**
     * A top-level number, else the one in {@code macro} of the shared functional groups, else of frame 0's
     * per-frame functional groups (enhanced objects); NaN when absent. Per-frame differences are not applied.
     */
    private static double numberOrGroup(AttributeList l, AttributeTag macro, AttributeTag tag) {
        double v = number(l, tag, Double.NaN);
        if (Double.isNaN(v)) {
            double[] g = frameGroupValue(l, SHARED, macro, tag, 1, 0);
            g = g != null ? g : frameGroupValue(l, PER_FRAME, macro, tag, 1, 0);
            v = g == null ? Double.NaN : g[0];
        }
        return v;
    }


    /** The syntax, or null when the UID is not in {@link TransferSyntax}. */
    public TransferSyntax syntax() {
        return TransferSyntax.byUid(transferSyntaxUid);
    }

    /** The pixel module as the frame decoders see it. */
    public FrameLayout layout() {
        return new FrameLayout(transferSyntaxUid, rows, columns, samplesPerPixel, bitsAllocated, bitsStored, frames,
                photometric);
    }

    /** Bytes of decoded pixel data: rows·columns·frames·samples·(bitsAllocated/8). */
    public long decodedBytes() {
        return (long) rows * columns * frames * samplesPerPixel * Math.max(1, bitsAllocated / 8);
    }
}
