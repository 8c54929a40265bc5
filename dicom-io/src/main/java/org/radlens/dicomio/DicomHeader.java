package org.radlens.dicomio;

import java.util.Optional;
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

    /** The syntax, or null when the UID is not in {@link TransferSyntax}. */
    public TransferSyntax syntax() {
        return TransferSyntax.byUid(transferSyntaxUid);
    }

    /** Bytes of decoded pixel data: rows·columns·frames·samples·(bitsAllocated/8). */
    public long decodedBytes() {
        return (long) rows * columns * frames * samplesPerPixel * Math.max(1, bitsAllocated / 8);
    }
}
