package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.radlens.volume3d.IntensityInfo;

/**
 * The fast path for grey 8/16-bit frames: straight from the file bytes (or PixelMed's own arrays) to rescaled floats
 * in one pass (one allocation per frame), applying the BitsStored rule of {@link DecoderLimits#stored} and the
 * modality LUT: a 256-entry table for 8-bit data, a fused little-endian read + rule + rescale for 16-bit data.
 * Returns null where the general path ({@link PixelDecoding} + {@link DicomImages}) is needed.
 */
final class GreyFrames {
    /** The read size of {@link #fromFile}: small beside a film, large enough to read at disk speed. */
    private static final int CHUNK = 1 << 20;
    private static final VarHandle LE_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private GreyFrames() {
    }

    static float[] frame(DicomFile f, int frame, IntensityInfo info) throws CorruptFileException {
        DicomHeader h = f.header;
        if (h.samplesPerPixel() != 1 || info.photometric() == IntensityInfo.Photometric.RGB
                || TransferSyntax.EXPLICIT_BE.uid().equals(h.transferSyntaxUid())) {
            return null;
        }
        int n = h.rows() * h.columns();
        long end = (long) (frame + 1) * n;
        if (f.pixelFileOffset >= 0) {
            return fromFile(f, frame, n, info);
        }
        if (f.raw != null) {
            return fromBytes(f.raw, f.rawOffset, frame, n, h, info);
        }
        Attribute px = f.list.get(TagFromName.PixelData);
        try {
            if (h.bitsAllocated() == 8 && px instanceof OtherByteAttribute) {
                byte[] b = px.getByteValues();
                return b == null || b.length < end ? null : convert8(b, frame * n, n, h, info);
            }
            if (h.bitsAllocated() == 16 && px instanceof OtherWordAttribute) {
                short[] s = px.getShortValues();
                return s == null || s.length < end ? null : convert16(s, frame * n, n, h, info);
            }
            return null;
        } catch (DicomException | RuntimeException e) {
            throw new CorruptFileException(f.path, "cannot get pixel data: " + ReadFailures.describe(e), e);
        }
    }

    /** Little-endian native pixel data inside the file bytes (bounds checked by the prescan). */
    private static float[] fromBytes(byte[] b, int offset, int frame, int n, DicomHeader h, IntensityInfo info) {
        if (h.bitsAllocated() == 8) {
            return convert8(b, offset + frame * n, n, h, info);
        }
        float[] d = new float[n];
        fill16(b, offset + 2 * frame * n, Rule.of(h, info), d, 0, n);
        return d;
    }

    /**
     * Little-endian native pixel data left in the file ({@link DicomFile#openStreamed}), read in chunks of at most
     * {@link #CHUNK} bytes straight into the frame: the same values as {@link #fromBytes} of the whole file, without
     * the file in memory.
     */
    private static float[] fromFile(DicomFile f, int frame, int n, IntensityInfo info) throws CorruptFileException {
        DicomHeader h = f.header;
        int bytes = h.bitsAllocated() / 8;
        Rule rule = Rule.of(h, info);
        float[] lut = bytes == 1 ? rule.lut8() : null;
        float[] d = new float[n];
        byte[] chunk = new byte[Math.min(CHUNK, n * bytes)];
        ByteBuffer buf = ByteBuffer.wrap(chunk);
        long pos = f.pixelFileOffset + (long) bytes * frame * n;
        try (FileChannel ch = FileChannel.open(f.path, StandardOpenOption.READ)) {
            for (int done = 0; done < n; ) {
                int count = Math.min(chunk.length / bytes, n - done);
                buf.clear().limit(count * bytes);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new CorruptFileException(f.path, "pixel data ends early: the file shrank while read");
                    }
                }
                if (bytes == 1) {
                    fill8(chunk, 0, lut, d, done, count);
                } else {
                    fill16(chunk, 0, rule, d, done, count);
                }
                pos += (long) count * bytes;
                done += count;
            }
        } catch (IOException e) {
            throw new CorruptFileException(f.path, "cannot read pixel data: " + ReadFailures.describe(e), e);
        }
        return d;
    }

    private static float[] convert8(byte[] b, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        fill8(b, base, Rule.of(h, info).lut8(), d, 0, n);
        return d;
    }

    private static float[] convert16(short[] s, int base, int n, DicomHeader h, IntensityInfo info) {
        float[] d = new float[n];
        fill16(s, base, Rule.of(h, info), d);
        return d;
    }

    // The loops live in small methods of their own, so each is compiled (and profiled) on its own.

    /** {@code d[to + i]} for i below {@code count}, from the bytes at {@code base}. */
    private static void fill8(byte[] b, int base, float[] lut, float[] d, int to, int count) {
        for (int i = 0; i < count; i++) {
            d[to + i] = lut[b[base + i] & 0xff];
        }
    }

    /** {@code d[to + i]} for i below {@code count}, from the little-endian 16-bit values at {@code base}. */
    private static void fill16(byte[] b, int base, Rule r, float[] d, int to, int count) {
        int m = r.mask();
        int sign = r.sign();
        double slope = r.slope();
        double icpt = r.intercept();
        for (int i = 0; i < count; i++) {
            int v = (short) LE_SHORT.get(b, base + 2 * i) & m;
            d[to + i] = (float) ((v - ((v & sign) << 1)) * slope + icpt);
        }
    }

    private static void fill16(short[] s, int base, Rule r, float[] d) {
        int m = r.mask();
        int sign = r.sign();
        double slope = r.slope();
        double icpt = r.intercept();
        for (int i = 0; i < d.length; i++) {
            int v = s[base + i] & m;
            d[i] = (float) ((v - ((v & sign) << 1)) * slope + icpt);
        }
    }

    /**
     * Stored value → raw value: the BitsStored rule of {@link DecoderLimits#stored} ({@code mask}, and {@code sign}
     * the sign bit or 0 for unsigned), then the modality LUT ({@code slope} 1, {@code intercept} 0 when not applied;
     * exact for integers, so unrescaled data stays integral).
     */
    record Rule(int mask, int sign, double slope, double intercept) {
        static Rule of(DicomHeader h, IntensityInfo info) {
            int bits = Math.max(1, Math.min(h.bitsStored(), h.bitsAllocated()));
            boolean rescaled = info.rescaleApplied() && (h.rescaleSlope() != 1 || h.rescaleIntercept() != 0);
            return new Rule((1 << bits) - 1, h.signed() ? 1 << (bits - 1) : 0,
                    rescaled ? h.rescaleSlope() : 1, rescaled ? h.rescaleIntercept() : 0);
        }

        /** Every 8-bit stored value through the rule: one table lookup per pixel. */
        float[] lut8() {
            float[] lut = new float[256];
            for (int i = 0; i < 256; i++) {
                lut[i] = apply(i);
            }
            return lut;
        }

        float apply(int stored) {
            int v = stored & mask;
            return (float) ((v - ((v & sign) << 1)) * slope + intercept);
        }
    }
}
