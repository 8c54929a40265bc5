package org.radlens.fiji;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.ImageReadException;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

/**
 * The text of Image › Show Info for images RadLens opened: DICOM attributes as {@code "gggg,eeee  Name: value"} lines
 * (the form ImageJ's own DICOM reader writes, so {@code getInfo("0008,0060")} works in macros), then the RadLens
 * geometry (LPS, mm) and intensity meaning. No patient identifiers: {@link DicomHeader} keeps none.
 */
public final class ImageInfoText {
    private ImageInfoText() {
    }

    /** Info for {@code source} (file or series folder) read as {@code format}. */
    public static String of(Path source, ImageFormat format, VoxelGeometry g, IntensityInfo info, int[] dims)
            throws ImageReadException {
        StringBuilder sb = new StringBuilder();
        sb.append("RadLens source: ").append(source).append('\n');
        sb.append("Format: ").append(format).append('\n');
        Path dicom = format == ImageFormat.DICOM ? source
                : format == ImageFormat.FOLDER ? DicomSeries.dicomFiles(source).stream().findFirst().orElse(null) : null;
        if (dicom != null) {
            InputFacts f = org.radlens.dicomio.InputFacts.read(dicom);
            line(sb, "0008,0016", "SOP Class UID", f.sopClassUid());
            line(sb, "0018,0015", "Body Part Examined", f.bodyPartExamined());
            line(sb, "0018,5101", "View Position", f.viewPosition());
            dicom(sb, DicomReader.readHeader(dicom));
        }
        sb.append("Dimensions: ").append(Arrays.toString(dims)).append('\n');
        sb.append("Spacing (mm): ").append(Arrays.toString(g.spacing())).append('\n');
        sb.append("Origin (LPS, mm): ").append(Arrays.toString(g.origin())).append('\n');
        sb.append("Direction (row-major, LPS): ").append(Arrays.toString(g.direction())).append('\n');
        sb.append("Modality: ").append(info.modality()).append('\n');
        sb.append("Units: ").append(info.units()).append(info.rescaleApplied() ? " (rescale applied)" : "")
                .append('\n');
        sb.append("Photometric: ").append(info.photometric()).append('\n');
        info.defaultWindow().ifPresent(w -> sb.append("Default window: ").append(w.center()).append(" / ")
                .append(w.width()).append('\n'));
        return sb.toString();
    }

    private static void dicom(StringBuilder sb, DicomHeader h) {
        line(sb, "0002,0010", "Transfer Syntax UID", h.transferSyntaxUid());
        line(sb, "0008,0060", "Modality", h.modality());
        line(sb, "0018,0050", "Slice Thickness", h.sliceThickness());
        line(sb, "0020,000E", "Series Instance UID", h.seriesInstanceUid());
        line(sb, "0020,0013", "Instance Number", h.instanceNumber());
        line(sb, "0020,0032", "Image Position (Patient)", join(h.imagePosition()));
        line(sb, "0020,0037", "Image Orientation (Patient)", join(h.imageOrientation()));
        line(sb, "0028,0002", "Samples per Pixel", h.samplesPerPixel());
        line(sb, "0028,0004", "Photometric Interpretation", h.photometric());
        line(sb, "0028,0008", "Number of Frames", h.frames());
        line(sb, "0028,0010", "Rows", h.rows());
        line(sb, "0028,0011", "Columns", h.columns());
        line(sb, "0028,0030", "Pixel Spacing", join(h.pixelSpacing()));
        line(sb, "0028,0100", "Bits Allocated", h.bitsAllocated());
        line(sb, "0028,0101", "Bits Stored", h.bitsStored());
        line(sb, "0028,0103", "Pixel Representation", h.signed() ? 1 : 0);
        h.window().ifPresent(w -> {
            line(sb, "0028,1050", "Window Center", w.center());
            line(sb, "0028,1051", "Window Width", w.width());
        });
        if (h.hasRescale()) {
            line(sb, "0028,1052", "Rescale Intercept", h.rescaleIntercept());
            line(sb, "0028,1053", "Rescale Slope", h.rescaleSlope());
        }
        if (!h.rescaleType().isEmpty()) {
            line(sb, "0028,1054", "Rescale Type", h.rescaleType());
        }
    }

    private static void line(StringBuilder sb, String tag, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            sb.append(tag).append("  ").append(name).append(": ").append(value).append('\n');
        }
    }

    private static String join(double[] v) {
        if (v == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : "\\").append(String.format(Locale.ROOT, "%s", d));
        }
        return sb.toString();
    }
}
