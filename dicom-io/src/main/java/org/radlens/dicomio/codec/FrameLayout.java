package org.radlens.dicomio.codec;

/**
 * What a frame decoder needs to know about the pixel data of one object (PS3.3 C.7.6.3 Image Pixel module), as read
 * by the prescan before the parse (to choose the decoder) or from the parsed header (to decode).
 *
 * @param transferSyntaxUid the object's transfer syntax
 * @param rows              (0028,0010), 0 when absent
 * @param columns           (0028,0011), 0 when absent
 * @param samplesPerPixel   (0028,0002), at least 1
 * @param bitsAllocated     (0028,0100), 0 when absent
 * @param bitsStored        (0028,0101), 0 when absent
 * @param frames            (0028,0008), at least 1
 * @param photometric       (0028,0004), "MONOCHROME2" when absent
 */
public record FrameLayout(String transferSyntaxUid, int rows, int columns, int samplesPerPixel, int bitsAllocated,
                          int bitsStored, int frames, String photometric) {

    /** Bytes per decoded sample: BitsAllocated / 8, at least 1. */
    public int bytesPerSample() {
        return Math.max(1, bitsAllocated / 8);
    }

    /** Samples in one decoded frame: rows · columns · samples per pixel. */
    public int samplesPerFrame() {
        return Math.multiplyExact(Math.multiplyExact(rows, columns), samplesPerPixel);
    }

    /** Bytes of one decoded frame: {@link #samplesPerFrame()} · {@link #bytesPerSample()}. */
    public int frameBytes() {
        return Math.multiplyExact(samplesPerFrame(), bytesPerSample());
    }

    /** One sample per pixel of 8 or 16 bits, MONOCHROME1/2: what the grey fast paths (raw, streamed, GDCM) take. */
    public boolean greyBytes() {
        return samplesPerPixel == 1 && (bitsAllocated == 8 || bitsAllocated == 16)
                && photometric.startsWith("MONOCHROME");
    }
}
