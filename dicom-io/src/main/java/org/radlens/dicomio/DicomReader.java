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

    /**
     * Like {@link #readSourcedImage}, but a single-frame grey JPEG 2000 film (1.2.840.10008.1.2.4.90 / .91) is decoded
     * at the smallest resolution whose longer side still has {@code minSide} pixels: {@code d} wavelet levels left
     * out, the largest {@code d} (at most the codestream's decomposition levels) with
     * {@code max(ceil(w/2^d), ceil(h/2^d)) ≥ minSide}; reduced pixel i is centred at full-grid pixel 2^d·i
     * ({@link org.radlens.volume3d.ReducedImage}). The values are the wavelet low-pass band (close to local means,
     * not equal to any resampling of the full decode). Anything else (other syntaxes, several frames, colour,
     * {@code d = 0}, a reduced decode that fails) is the full read, identical to {@link #readSourcedImage}'s, with
     * {@code levels() == 0}.
     */
    public static SourcedReducedImage readSourcedReduced(Path file, int minSide) throws ImageReadException {
        return ReducedReads.read(file, minSide);
    }

    static Image2D image(DicomFile f) throws ImageReadException {
        VoxelGeometry g = DicomGeometry.frame(f.header, f.list, 0);
        Image2D fast = fastFrame(f, 0, g);
        return fast != null ? fast : DicomImages.frame(PixelDecoding.decode(f), f.list, 0, g);
    }

    /** Every frame as a 2D image placed at its own position (per-frame positions when the object has them). */
    public static List<Image2D> readFrames(Path file) throws ImageReadException {
        DicomFile f = DicomFile.openForImages(file);
        return frames(f, DicomGeometry.framePositions(f.header, f.list));
    }

    /**
     * Every frame, frame 0 converted once; each frame at {@code positions[i]} ({@link DicomGeometry#framePositions}),
     * or at frame 0's geometry where that is null.
     */
    private static List<Image2D> frames(DicomFile f, double[][] positions) throws ImageReadException {
        VoxelGeometry base = DicomGeometry.frame(f.header, f.list, 0);
        VoxelGeometry[] g = new VoxelGeometry[positions.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = positions[i] == null ? base : base.withSpacingAndOrigin(base.spacing(), positions[i]);
        }
        List<Image2D> out = new ArrayList<>();
        Image2D first = fastFrame(f, 0, g[0]);
        if (first != null) {
            out.add(first);
            for (int i = 1; i < g.length; i++) {
                out.add(fastFrame(f, i, g[i]));
            }
            return out;
        }
        DicomPixels px = PixelDecoding.decode(f);
        for (int i = 0; i < g.length; i++) {
            out.add(DicomImages.frame(px, f.list, i, g[i]));
        }
        return out;
    }

    private static Image2D fastFrame(DicomFile f, int frame, VoxelGeometry g) throws ImageReadException {
        org.radlens.volume3d.IntensityInfo info = DicomImages.intensity(f.header);
        float[] d = GreyFrames.frame(f, frame, info);
        return d == null ? null : Image2D.adopt(f.header.columns(), f.header.rows(), 1, d, g, info);
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
        double[][] positions = DicomGeometry.framePositions(h, f.list);
        List<Image2D> frames = frames(f, positions);
        boolean positioned = java.util.Arrays.stream(positions).allMatch(java.util.Objects::nonNull);
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
}
