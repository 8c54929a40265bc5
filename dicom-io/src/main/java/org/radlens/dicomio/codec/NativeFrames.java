package org.radlens.dicomio.codec;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * Compressed frames decoded by one of our {@link FrameDecoder}s and put back as native little-endian,
 * pixel-interleaved Pixel Data (PlanarConfiguration 0), as PixelMed's own decompression does for the other syntaxes.
 */
public final class NativeFrames {
    private NativeFrames() {
    }

    /**
     * Decodes every frame of {@code frames} with {@code decoder} and replaces the list's Pixel Data by the native
     * bytes (and PlanarConfiguration by 0).
     *
     * @throws ImageReadException a frame that does not decode, or decodes to the wrong size (file named)
     */
    public static void decodeInPlace(Path file, AttributeList l, FrameLayout layout, byte[][] frames,
                                     FrameDecoder decoder) throws ImageReadException {
        byte[] out = decodeAll(file, layout, frames, decoder);
        try {
            OtherByteAttribute nativeData = new OtherByteAttribute(TagFromName.PixelData);
            nativeData.setValues(out);
            l.put(nativeData);
            UnsignedShortAttribute planar = new UnsignedShortAttribute(TagFromName.PlanarConfiguration);
            planar.addValue(0);
            l.put(planar);
        } catch (DicomException e) {
            throw new CorruptFileException(file, decoder.frameName() + " cannot be decoded: "
                    + ReadFailures.describe(e), e);
        }
    }

    /**
     * Every frame of {@code frames} decoded with {@code decoder}, one after the other, as native little-endian bytes.
     * Each compressed frame is let go ({@code frames[f] = null}) once decoded, and a single frame's decoded array is
     * the result itself (no copy): the frames' peak memory is the decoded data plus what is still compressed.
     *
     * @throws ImageReadException a frame that does not decode, or decodes to the wrong size (file named)
     */
    public static byte[] decodeAll(Path file, FrameLayout layout, byte[][] frames, FrameDecoder decoder)
            throws ImageReadException {
        int frameBytes = layout.frameBytes();
        int count = layout.frames();
        byte[] out = count == 1 ? null : new byte[Math.multiplyExact(frameBytes, count)];
        try {
            if (count == 1) {
                byte[] v = decoder.decode(file, frames[0], layout);
                frames[0] = null;
                return oneFrame(file, "frame 0", v, layout);
            }
            for (int f = 0; f < count; f++) {
                decoder.decodeInto(file, frames[f], layout, out, f * frameBytes); // no per-frame copy where it can
                frames[f] = null;
            }
            return out;
        } catch (RuntimeException e) { // hostile codestreams: indices past the end etc.
            throw new CorruptFileException(file, decoder.frameName() + " cannot be decoded: "
                    + ReadFailures.describe(e), e);
        }
    }

    /**
     * {@code v} when it holds exactly one frame of {@code layout}, else a {@link CorruptFileException} naming the file
     * and saying how many samples {@code what} decoded to.
     */
    static byte[] oneFrame(Path file, String what, byte[] v, FrameLayout layout) throws CorruptFileException {
        if (v.length != layout.frameBytes()) {
            throw new CorruptFileException(file, what + " decodes to " + v.length / layout.bytesPerSample()
                    + " samples, " + layout.samplesPerFrame() + " expected");
        }
        return v;
    }

    /**
     * Decoded samples as one- or two-byte little-endian values (BitsAllocated / 8).
     *
     * @throws UnsupportedFormatException BitsAllocated / 8 other than 1 or 2
     */
    static byte[] littleEndian(Path file, FrameLayout layout, int[] v) throws UnsupportedFormatException {
        int bytes = layout.bitsAllocated() / 8;
        requireBytes(file, layout);
        byte[] out = new byte[Math.multiplyExact(v.length, bytes)];
        for (int i = 0; i < v.length; i++) {
            out[i * bytes] = (byte) v[i];
            if (bytes == 2) {
                out[i * 2 + 1] = (byte) (v[i] >>> 8);
            }
        }
        return out;
    }

    /** Refuses BitsAllocated outside 8..23 before decoding (our sample decoders write one or two bytes). */
    static void requireBytes(Path file, FrameLayout layout) throws UnsupportedFormatException {
        int bytes = layout.bitsAllocated() / 8;
        if (bytes != 1 && bytes != 2) {
            throw new UnsupportedFormatException(file, layout.transferSyntaxUid(), "compressed data with "
                    + "BitsAllocated " + layout.bitsAllocated());
        }
    }
}
