package org.radlens.dicomio.codec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.CorruptFileException;

/**
 * Splits encapsulated Pixel Data (PS3.5 A.4) into frames straight from the file bytes: item 0 is the Basic Offset
 * Table; with one frame all fragments form it; with as many fragments as frames each is one frame; otherwise the
 * offset table says where frames start. Little-endian item headers (every encapsulated syntax is little endian).
 */
public final class EncapsulatedFrames {
    private EncapsulatedFrames() {
    }

    public static byte[][] frames(Path file, byte[] b, int start, int frames) throws CorruptFileException {
        List<int[]> items = new ArrayList<>(); // {offset of value, length}
        int pos = start;
        while (pos + 8 <= b.length) {
            int tag = u16(b, pos) << 16 | u16(b, pos + 2);
            long len = u32(b, pos + 4);
            pos += 8;
            if (tag == 0xFFFEE0DD) {
                break;
            }
            if (tag != 0xFFFEE000 || len > b.length - pos) {
                throw new CorruptFileException(file, "encapsulated pixel data item at " + (pos - 8) + " is malformed");
            }
            items.add(new int[] {pos, (int) len});
            pos += (int) len;
        }
        if (items.size() < 2) {
            throw new CorruptFileException(file, "encapsulated pixel data holds no fragments");
        }
        List<int[]> fragments = items.subList(1, items.size());
        byte[][] out = new byte[frames][];
        if (frames == 1 || fragments.size() != frames) {
            int[] bot = offsets(b, items.get(0), frames);
            for (int f = 0; f < frames; f++) {
                out[f] = join(b, fragments, bot[f], f + 1 < frames ? bot[f + 1] : Integer.MAX_VALUE);
            }
        } else {
            for (int f = 0; f < frames; f++) {
                out[f] = java.util.Arrays.copyOfRange(b, fragments.get(f)[0], fragments.get(f)[0] + fragments.get(f)[1]);
            }
        }
        return out;
    }

    /** Frame start offsets (relative to the first fragment's item header) from the Basic Offset Table. */
    private static int[] offsets(byte[] b, int[] table, int frames) {
        int[] o = new int[frames];
        for (int f = 0; f < frames && 4 * f + 4 <= table[1]; f++) {
            o[f] = (int) Math.min(Integer.MAX_VALUE, u32(b, table[0] + 4 * f));
        }
        return o;
    }

    /** Concatenates the fragments whose item header lies in [from, to) (offsets relative to the first fragment). */
    private static byte[] join(byte[] b, List<int[]> fragments, int from, int to) {
        int first = fragments.get(0)[0] - 8;
        int size = 0;
        for (int[] frag : fragments) {
            int rel = frag[0] - 8 - first;
            size += rel >= from && rel < to ? frag[1] : 0;
        }
        byte[] out = new byte[size]; // sized first: one copy of a film's data, not a growing buffer's several
        int at = 0;
        for (int[] frag : fragments) {
            int rel = frag[0] - 8 - first;
            if (rel >= from && rel < to) {
                System.arraycopy(b, frag[0], out, at, frag[1]);
                at += frag[1];
            }
        }
        return out;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xffffffffL;
    }
}
