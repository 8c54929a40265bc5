package org.radlens.dicomio;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Reads DICOM files into {@link Image2D} and {@link Volume} (decoding through PixelMed and jai-imageio-jpeg2000).
 * Values are raw: stored values through the modality LUT (slope/intercept, e.g. to HU) and nothing else; the VOI
 * window is kept as metadata; MONOCHROME1 is flagged, not inverted. Geometry follows {@link DicomGeometry}'s rules.
 * Thread-safe (stateless).
 *
 * <pre>{@code
 * Image2D cxr = DicomReader.readImage(Path.of("chest.dcm"));
 * Volume ct = DicomSeries.readVolume(Path.of("ct-folder"));
 * }</pre>
 */
public final class DicomReader {
    private DicomReader() {
    }

    /** Attributes only; stops before the pixel data (no decoding). */
    public static DicomHeader readHeader(Path file) throws ImageReadException {
        return DicomFile.open(file, false).header;
    }

    /** Stored values after decompression (for conformance checks and custom pipelines). */
    public static DicomPixels readPixels(Path file) throws ImageReadException {
        return PixelDecoding.decode(DicomFile.open(file, true));
    }

    /** Frame 0 (the only frame of most objects); only that frame is converted. */
    public static Image2D readImage(Path file) throws ImageReadException {
        return image(DicomFile.openForImages(file));
    }

    /**
     * Frame 0 and the file's {@link SourceImage} from one read and parse (a missing SOP/Study UID is refused before
     * any pixel is converted).
     */
    public static SourcedImage readSourcedImage(Path file) throws ImageReadException {
        DicomFile f = DicomFile.openForImages(file);
        SourceImage src = SourceImage.of(f);
        return new SourcedImage(src, image(f));
    }

    private static Image2D image(DicomFile f) throws ImageReadException {
        Image2D fast = fastFrame(f, 0);
        return fast != null ? fast : DicomImages.frame(PixelDecoding.decode(f), f.list, 0, frameGeometry(f, 0));
    }

    /** Every frame as a 2D image placed at its own position (per-frame positions when the object has them). */
    public static List<Image2D> readFrames(Path file) throws ImageReadException {
        return frames(DicomFile.openForImages(file));
    }

    private static List<Image2D> frames(DicomFile f) throws ImageReadException {
        List<Image2D> out = new ArrayList<>();
        if (fastFrame(f, 0) != null) {
            for (int i = 0; i < f.header.frames(); i++) {
                out.add(fastFrame(f, i));
            }
            return out;
        }
        DicomPixels px = PixelDecoding.decode(f);
        for (int i = 0; i < f.header.frames(); i++) {
            out.add(DicomImages.frame(px, f.list, i, frameGeometry(f, i)));
        }
        return out;
    }

    private static Image2D fastFrame(DicomFile f, int frame) throws ImageReadException {
        org.radlens.volume3d.IntensityInfo info = DicomImages.intensity(f.header);
        float[] d = GreyFrames.frame(f, frame, info);
        return d == null ? null
                : Image2D.adopt(f.header.columns(), f.header.rows(), 1, d, frameGeometry(f, frame), info);
    }

    /**
     * A single-file volume: the frames of a multi-frame grey object stacked (positions from per-frame functional
     * groups or GridFrameOffsetVector, checked to be regular; else along the slice normal at SpacingBetweenSlices,
     * SliceThickness or 1 mm), or a one-slice volume.
     *
     * @throws InvalidGeometryException when per-frame positions are irregular
     * @throws UnsupportedFormatException for colour objects
     */
    public static Volume readVolume(Path file) throws ImageReadException {
        DicomFile f = DicomFile.openForImages(file);
        DicomHeader h = f.header;
        if (DicomImages.intensity(h).photometric() == org.radlens.volume3d.IntensityInfo.Photometric.RGB) {
            throw new UnsupportedFormatException(file, h.transferSyntaxUid(), "colour images cannot form a volume");
        }
        List<Image2D> frames = frames(f);
        boolean positioned = true;
        for (int i = 0; i < h.frames(); i++) {
            positioned &= DicomGeometry.framePosition(h, f.list, i) != null;
        }
        if (h.frames() == 1 || !positioned) {
            return stackAlongNormal(f, frames);
        }
        try {
            return Volumes.stack(frames);
        } catch (IllegalArgumentException e) {
            throw new InvalidGeometryException(List.of(file), "frames are not a regular stack: " + e.getMessage());
        }
    }

    private static Volume stackAlongNormal(DicomFile f, List<Image2D> frames) {
        VoxelGeometry g0 = frames.get(0).geometry();
        double dz = DicomAttributes.number(f.list, TagFromName.SpacingBetweenSlices, 0);
        double[] s = g0.spacing();
        s[2] = dz > 0 ? dz : s[2];
        VoxelGeometry g = VoxelGeometry.of(s, g0.origin(), g0.direction());
        int w = frames.get(0).width();
        int hgt = frames.get(0).height();
        float[] data = new float[w * hgt * frames.size()];
        for (int k = 0; k < frames.size(); k++) {
            System.arraycopy(frames.get(k).channel(0), 0, data, k * w * hgt, w * hgt);
        }
        return Volumes.adopt(w, hgt, frames.size(), data, g, frames.get(0).intensity());
    }

    private static VoxelGeometry frameGeometry(DicomFile f, int frame) {
        double[] pos = DicomGeometry.framePosition(f.header, f.list, frame);
        VoxelGeometry g = DicomGeometry.frame(f.header, f.list, 0);
        return pos == null ? g : g.withSpacingAndOrigin(g.spacing(), pos);
    }
}
