package org.radlens.volume3d;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array at a time in one {@code long} (SIMD within a register), for full-size masks: a 3,000 × 2,500
 * film's lung mask is 7.5 million bytes, counted, compared and bit-packed per film. Byte {@code i} of a word is array
 * element {@code at + i} (little-endian).
 *
 * <pre>{@code
 * long w = ByteLanes.word(mask, i);              // mask[i .. i+7]
 * int bits = ByteLanes.packBits(ByteLanes.nonZero(w));   // bit k = mask[i+k] != 0
 * }</pre>
 */
public final class ByteLanes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** Each byte 0x01. */
    public static final long ONES = 0x0101010101010101L;

    private ByteLanes() {
    }

    /** Bytes {@code at .. at+7} of {@code a} as one word. */
    public static long word(byte[] a, int at) {
        return (long) LONGS.get(a, at);
    }

    /** Stores {@code w} into bytes {@code at .. at+7} of {@code a}. */
    public static void put(byte[] a, int at, long w) {
        LONGS.set(a, at, w);
    }

    /** 0x01 in each byte of {@code w} that is not zero, 0x00 in each that is. */
    public static long nonZero(long w) {
        return (((w & LOW7) + LOW7 | w) & ~LOW7) >>> 7;
    }

    /** 0x01 in each byte of {@code w} equal to {@code b}, 0x00 elsewhere. */
    public static long equal(long w, byte b) {
        return nonZero(w ^ ONES * (b & 0xff)) ^ ONES;
    }

    /** The low bit of each byte of {@code ones} (bytes 0x00/0x01) packed into 8 bits, byte 0 → bit 0. */
    public static int packBits(long ones) {
        return (int) ((ones * 0x0102040810204080L) >>> 56);
    }
}
