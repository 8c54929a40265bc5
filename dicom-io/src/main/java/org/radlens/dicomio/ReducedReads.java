package org.radlens.dicomio;

import java.io.IOException;
import java.nio.file.Path;
import org.radlens.dicomio.codec.EncapsulatedFrames;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.dicomio.codec.J2kReducedDecoder;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.ReducedImage;
import org.radlens.volume3d.VoxelGeometry;

/**
 * {@link DicomReader#readSourcedReduced}: a single-frame grey JPEG 2000 film (lossless .90 or lossy .91) decoded with
 * as many wavelet levels left out as still give the caller {@code minSide} pixels on the longer side
 * ({@link J2kReducedDecoder}, pure Java, whether GDCM is installed or not); its values through the same BitsStored
 * rule and modality LUT as the full read ({@link GreyFrames.Rule}), MONOCHROME1 flagged and the window kept
 * ({@link DicomImages#intensity}). Everything else, and any file whose reduced decode fails or does not give the
 * expected size, is read in full exactly as {@link DicomReader#readSourcedImage} reads it (a corrupt codestream then
 * fails there, with today's message).
 */
final class ReducedReads {
    private ReducedReads() {
    }

    static SourcedReducedImage read(Path path, int minSide) throws ImageReadException {
        DicomFile streamed = DicomFile.openStreamed(path, DicomFile.STREAM_ABOVE);
        if (streamed != null) { // large uncompressed films: not read whole
            return full(streamed);
        }
        byte[] bytes = DicomFile.readBytes(path);
        DicomPrescan.Result scan = DicomPrescan.scan(path, bytes);
        if (!candidate(scan, scan.layout())) {
            return full(DicomFile.openWhole(path, true)); // reads the file again (from the page cache)
        }
        DicomFile f = DicomFile.header(path, bytes, scan);
        FrameLayout l = f.header.layout();
        byte[] frame = candidate(scan, l) ? EncapsulatedFrames.frames(path, bytes, scan.encapsulatedOffset(), 1)[0]
                : null;
        bytes = null; // the codestream is all that is needed from here on
        int levels = frame == null ? -1 : J2kReducedDecoder.decompositionLevels(frame);
        int d = levels < 0 ? 0 : levelsToDiscard(l.columns(), l.rows(), levels, minSide);
        ReducedImage reduced = d == 0 ? null : decode(f, frame, levels, d);
        return reduced != null ? new SourcedReducedImage(SourceImage.of(f), reduced)
                : full(DicomFile.openWhole(path, true));
    }

    /**
     * The largest {@code d ≤ levels} such that {@code max(ceil(w/2^d), ceil(h/2^d)) ≥ minSide}; 0 when even one
     * level fewer would give less.
     */
    static int levelsToDiscard(int w, int h, int levels, int minSide) {
        int longer = Math.max(w, h);
        int d = 0;
        while (d < levels && d < 30 && ReducedImage.reducedSize(longer, d + 1) >= minSide) {
            d++;
        }
        return d;
    }

    /** A single-frame grey 8/16-bit JPEG 2000 object held whole in the file's bytes. */
    private static boolean candidate(DicomPrescan.Result scan, FrameLayout l) {
        TransferSyntax t = TransferSyntax.byUid(scan.transferSyntaxUid());
        return (t == TransferSyntax.JPEG2000_LOSSLESS || t == TransferSyntax.JPEG2000)
                && !scan.implicitVrDataset() && scan.encapsulatedOffset() >= 0 && l.greyBytes() && l.frames() == 1
                && l.rows() > 0 && l.columns() > 0;
    }

    /** The reduced image, or null when the decoder fails or gives another size than the header's grid implies. */
    private static ReducedImage decode(DicomFile f, byte[] frame, int levels, int d) throws ImageReadException {
        DicomHeader h = f.header;
        J2kReducedDecoder.Samples s;
        try {
            s = J2kReducedDecoder.decode(frame, levels, d);
        } catch (IOException | OutOfMemoryError e) {
            return null;
        }
        if (s.width() != ReducedImage.reducedSize(h.columns(), d) || s.height() != ReducedImage.reducedSize(h.rows(), d)) {
            return null; // e.g. an image offset on the reference grid: the full read knows what to do
        }
        IntensityInfo info = DicomImages.intensity(h);
        GreyFrames.Rule rule = GreyFrames.Rule.of(h, info);
        int[] v = s.values();
        float[] px = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            px[i] = rule.apply(v[i]);
        }
        VoxelGeometry g = DicomGeometry.frame(h, f.list, 0);
        Image2D img = Image2D.adopt(s.width(), s.height(), 1, px, ReducedImage.reducedGeometry(g, d), info);
        return new ReducedImage(img, d, h.columns(), h.rows(), g);
    }

    private static SourcedReducedImage full(DicomFile f) throws ImageReadException {
        SourceImage src = SourceImage.of(f);
        return new SourcedReducedImage(src, ReducedImage.full(DicomReader.image(f)));
    }
}
