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
import org.radlens.dicomio.UnsupportedFormatException;

/**
 * Compressed frames decoded by one of our codecs ({@link JpegLsDecoder}, {@link JpegExtendedDecoder}) and put back
 * as native little-endian, pixel-interleaved Pixel Data (PlanarConfiguration 0), as PixelMed's own decompression
 * does for the other syntaxes.
 */
public final class NativeFrames {
    private NativeFrames() {
    }

    /** Decodes one compressed frame into pixel-interleaved samples. */
    @FunctionalInterface
    public interface FrameCodec {
        int[] decode(byte[] frame) throws ImageReadException;
    }

    public static void decodeInPlace(Path file, AttributeList l, DicomHeader h, byte[][] frames, FrameCodec codec)
            throws ImageReadException {
        int bytes = h.bitsAllocated() / 8;
        if (bytes != 1 && bytes != 2) {
            throw new UnsupportedFormatException(file, h.transferSyntaxUid(), "compressed data with BitsAllocated "
                    + h.bitsAllocated());
        }
        int samples = h.rows() * h.columns() * h.samplesPerPixel();
        byte[] out = new byte[Math.multiplyExact(samples * bytes, h.frames())];
        try {
            for (int f = 0; f < h.frames(); f++) {
                int[] v = codec.decode(frames[f]);
                if (v.length != samples) {
                    throw new CorruptFileException(file, "frame " + f + " decodes to " + v.length + " samples, "
                            + samples + " expected");
                }
                int at = f * samples * bytes;
                for (int i = 0; i < v.length; i++) {
                    out[at + i * bytes] = (byte) v[i];
                    if (bytes == 2) {
                        out[at + i * 2 + 1] = (byte) (v[i] >>> 8);
                    }
                }
            }
            OtherByteAttribute nativeData = new OtherByteAttribute(TagFromName.PixelData);
            nativeData.setValues(out);
            l.put(nativeData);
            UnsignedShortAttribute planar = new UnsignedShortAttribute(TagFromName.PlanarConfiguration);
            planar.addValue(0);
            l.put(planar);
        } catch (DicomException | RuntimeException e) { // hostile codestreams: indices past the end etc.
            throw new CorruptFileException(file, "compressed frame cannot be decoded: " + ReadFailures.describe(e), e);
        }
    }
}
