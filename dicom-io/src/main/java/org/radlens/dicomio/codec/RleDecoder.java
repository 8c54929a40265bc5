package org.radlens.dicomio.codec;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;

/**
 * Our own RLE Lossless decoder (PS3.5 annex G), used instead of PixelMed's so that 16-bit colour and 32-bit data
 * decode too. Replaces the encapsulated Pixel Data in the list by native little-endian, pixel-interleaved bytes
 * (PlanarConfiguration 0). Every offset and run is bounds-checked: malformed frames are a
 * {@link CorruptFileException}.
 */
public final class RleDecoder {
    private RleDecoder() {
    }

    public static void decodeInPlace(Path file, AttributeList l, DicomHeader h, byte[][] frames) throws ImageReadException {
        int bytes = h.bitsAllocated() / 8;
        int pixels = h.rows() * h.columns();
        int frameBytes = pixels * h.samplesPerPixel() * bytes;
        byte[] out = new byte[Math.multiplyExact(frameBytes, h.frames())];
        try {
            for (int f = 0; f < h.frames(); f++) {
                decodeFrame(file, frames[f], h, out, f * frameBytes);
            }
            OtherByteAttribute native8 = new OtherByteAttribute(TagFromName.PixelData);
            native8.setValues(out);
            l.put(native8);
            UnsignedShortAttribute planar = new UnsignedShortAttribute(TagFromName.PlanarConfiguration);
            planar.addValue(0);
            l.put(planar);
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(file, "RLE frame cannot be decoded: " + ReadFailures.describe(e), e);
        }
    }

    /** Segment s·bytes + b holds byte b (most significant first) of sample s of every pixel. */
    private static void decodeFrame(Path file, byte[] in, DicomHeader h, byte[] out, int at)
            throws CorruptFileException {
        int bytes = h.bitsAllocated() / 8;
        int spp = h.samplesPerPixel();
        int pixels = h.rows() * h.columns();
        if (in == null || in.length < 64) {
            throw new CorruptFileException(file, "RLE frame shorter than its 64-byte header");
        }
        int segments = u32(in, 0);
        if (segments != spp * bytes) {
            throw new CorruptFileException(file, "RLE frame has " + segments + " segments, expected " + spp * bytes);
        }
        byte[] seg = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            int start = u32(in, 4 + 4 * s);
            int end = s + 1 < segments ? u32(in, 8 + 4 * s) : in.length;
            if (start < 64 || end > in.length || start > end) {
                throw new CorruptFileException(file, "RLE segment " + s + " offsets " + start + ".." + end
                        + " outside the frame of " + in.length + " bytes");
            }
            unpack(in, start, end, seg);
            int sample = s / bytes;
            int byteInValue = bytes - 1 - s % bytes; // little-endian position of this segment's byte
            for (int p = 0; p < pixels; p++) {
                out[at + (p * spp + sample) * bytes + byteInValue] = seg[p];
            }
        }
    }

    /** PackBits: n in 0..127 copies n + 1 literal bytes, −1..−127 repeats the next byte 1 − n times. */
    private static void unpack(byte[] in, int pos, int end, byte[] seg) {
        int o = 0;
        java.util.Arrays.fill(seg, (byte) 0);
        while (pos < end && o < seg.length) {
            int n = in[pos++];
            if (n >= 0) {
                int len = Math.min(n + 1, Math.min(end - pos, seg.length - o));
                System.arraycopy(in, pos, seg, o, len);
                pos += n + 1;
                o += len;
            } else if (n != -128 && pos < end) {
                int len = Math.min(1 - n, seg.length - o);
                java.util.Arrays.fill(seg, o, o + len, in[pos++]);
                o += len;
            }
        }
    }

    private static int u32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0x7f) << 24;
    }
}
