package org.radlens.dicomio;

import java.util.List;
import java.util.Optional;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Reorientation;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

/**
 * A summary of an input for {@code radlens info}: sizes, geometry (LPS mm), meaning of values, transfer syntax, and
 * the value range (null when the pixels cannot be decoded). No patient identifiers.
 *
 * @param dimensions    [columns, rows, slices or frames]
 * @param orientation   axis letters, see {@link Reorientation#axisLetters}
 * @param transferSyntaxUid DICOM only, else ""
 * @param decodable     false when the pixels cannot be decoded (then min/max are null)
 */
public record ImageInfo(String file, String format, List<Integer> dimensions, int channels, double[] spacing,
                        double[] origin, double[] direction, String orientation, String modality, String units,
                        String photometric, String transferSyntaxUid, String transferSyntaxName, boolean decodable,
                        Double min, Double max, double[] window) {

    /** Describes {@code path} (any format {@link ImageFiles} reads). */
    public static ImageInfo describe(java.nio.file.Path path) throws ImageReadException {
        ImageFormat f = ImageFormat.detect(path);
        if (f == ImageFormat.DICOM) {
            return dicom(path);
        }
        if (f == ImageFormat.PNG || f == ImageFormat.JPEG) {
            Image2D img = ImageFiles.readImage2D(path);
            return of(path, f, List.of(img.width(), img.height(), 1), img.channels(), img.geometry(),
                    img.intensity(), "", true, range(img.data()));
        }
        Volume v = ImageFiles.readVolume(path);
        return of(path, f, List.of(v.nx(), v.ny(), v.nz()), 1, v.geometry(), v.intensity(),
                f == ImageFormat.FOLDER ? DicomSeries.dicomFiles(path).isEmpty() ? ""
                        : DicomReader.readHeader(DicomSeries.dicomFiles(path).get(0)).transferSyntaxUid() : "",
                true, range(v.data()));
    }

    private static ImageInfo dicom(java.nio.file.Path path) throws ImageReadException {
        DicomHeader h = DicomReader.readHeader(path);
        try {
            Volume v = h.samplesPerPixel() == 1 ? DicomReader.readVolume(path) : null;
            Image2D img = v == null ? DicomReader.readImage(path) : v.slice(0);
            float[] values = v == null ? img.data() : v.data();
            VoxelGeometry g = v == null ? img.geometry() : v.geometry();
            return of(path, ImageFormat.DICOM, List.of(h.columns(), h.rows(), h.frames()), img.channels(), g,
                    img.intensity(), h.transferSyntaxUid(), true, range(values));
        } catch (UnsupportedFormatException e) {
            VoxelGeometry g = DicomGeometry.frame(h, new com.pixelmed.dicom.AttributeList(), 0);
            return of(path, ImageFormat.DICOM, List.of(h.columns(), h.rows(), h.frames()), h.samplesPerPixel(), g,
                    DicomImages.intensity(h), h.transferSyntaxUid(), false, null);
        }
    }

    private static ImageInfo of(java.nio.file.Path path, ImageFormat f, List<Integer> dims, int channels,
                                VoxelGeometry g, IntensityInfo info, String ts, boolean decodable, double[] range) {
        Optional<IntensityInfo.Window> w = info.defaultWindow();
        return new ImageInfo(path.toString(), f.name(), dims, channels, g.spacing(), g.origin(), g.direction(),
                Reorientation.axisLetters(g), info.modality(), info.units(), info.photometric().name(), ts,
                ts.isEmpty() ? "" : TransferSyntax.nameOf(ts).replaceAll("^\\(|\\)$", ""), decodable,
                range == null ? null : range[0], range == null ? null : range[1],
                w.map(x -> new double[] {x.center(), x.width()}).orElse(null));
    }

    private static double[] range(float[] d) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : d) {
            if (!Float.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? null : new double[] {min, max};
    }
}
