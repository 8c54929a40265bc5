package org.radlens.dicomio.codec;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reduced-resolution decoding of a single-component JPEG 2000 codestream (ISO 15444-1) with jai-imageio's pure-Java
 * decoder: decoding with {@code d} wavelet levels discarded entropy-decodes only the code-blocks of the lower
 * resolutions, so a 3,000-px film decoded at 1/8 of its size costs a fraction of the full decode. The samples are
 * the LL band of level {@code d}, stored-value scaled (the JPEG 2000 low-pass filters have a DC gain of 1), sample
 * {@code i} centred at full-resolution sample {@code 2^d·i}.
 *
 * <pre>{@code
 * int levels = J2kReducedDecoder.decompositionLevels(codestream);   // e.g. 5
 * J2kReducedDecoder.Samples s = J2kReducedDecoder.decode(codestream, 3);  // 1/8 of the size on each axis
 * }</pre>
 */
public final class J2kReducedDecoder {
    private static final int SOC = 0xFF4F;
    private static final int SOT = 0xFF90;
    private static final int COD = 0xFF52;
    private static final int COC = 0xFF53;
    /** How far into a fragment the codestream may start (a JP2 wrapper before the {@code jp2c} box). */
    private static final int SEARCH = 4096;

    private J2kReducedDecoder() {
    }

    /** Decoded samples: {@code width × height}, row-major, as the decoder's raster gives them (no BitsStored rule). */
    public record Samples(int width, int height, int[] values) {
    }

    /**
     * Where the codestream starts (its SOC marker followed by SIZ), or -1 when {@code frame} holds none within its
     * first {@value #SEARCH} bytes.
     */
    public static int codestreamStart(byte[] frame) {
        int end = Math.min(frame.length - 3, SEARCH);
        for (int i = 0; i < end; i++) {
            if (u16(frame, i) == SOC && u16(frame, i + 2) == 0xFF51) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The number of wavelet decomposition levels of component 0 in the main header (COD, overridden by a COC for
     * component 0; the smaller when both are present), or -1 when the header cannot be read.
     */
    public static int decompositionLevels(byte[] frame) {
        int start = codestreamStart(frame);
        if (start < 0) {
            return -1;
        }
        int levels = -1;
        int pos = start + 2;
        while (pos + 4 <= frame.length) {
            int marker = u16(frame, pos);
            if (marker == SOT || (marker >>> 8) != 0xFF) {
                break;
            }
            int len = u16(frame, pos + 2);
            if (len < 2 || pos + 2 + len > frame.length) {
                return -1;
            }
            int at = marker == COD ? pos + 9 : marker == COC && frame[pos + 4] == 0 ? pos + 6 : -1;
            if (at > 0 && at < pos + 2 + len) {
                int l = frame[at] & 0xff;
                levels = levels < 0 ? l : Math.min(levels, l);
            }
            pos += 2 + len;
        }
        return levels;
    }

    /**
     * Decodes {@code frame} with {@code discard} of its {@code levels} decomposition levels left out (resolution level
     * {@code levels − discard}).
     *
     * @throws IOException when the decoder fails (corrupt data, a layout it cannot decode)
     */
    public static Samples decode(byte[] frame, int levels, int discard) throws IOException {
        int start = codestreamStart(frame);
        if (start < 0 || discard < 0 || discard > levels) {
            throw new IOException("no JPEG 2000 codestream, or " + discard + " of " + levels + " levels");
        }
        ImageReader reader = new J2KImageReaderSpi().createReaderInstance();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(frame, start, frame.length - start))) {
            reader.setInput(in);
            J2KImageReadParam p = (J2KImageReadParam) reader.getDefaultReadParam();
            p.setResolution(levels - discard);
            Raster r = reader.read(0, p).getRaster();
            if (r.getNumBands() != 1) {
                throw new IOException(r.getNumBands() + " components, not 1");
            }
            int w = r.getWidth();
            int h = r.getHeight();
            return new Samples(w, h, r.getSamples(r.getMinX(), r.getMinY(), w, h, 0, (int[]) null));
        } catch (RuntimeException e) { // jai-imageio throws unchecked exceptions on corrupt codestreams
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
