package org.radlens.volume3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 3D connected components of label masks (breadth-first flood fill, O(voxels)); all results keep the mask's
 * geometry, class names and source.
 *
 * <pre>{@code
 * Components c = ConnectedComponents.label(mask, 1, Connectivity.TWENTY_SIX);
 * LabelMask clean = ConnectedComponents.keepLargest(mask, Connectivity.SIX);   // per label
 * }</pre>
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** Components of the voxels carrying {@code label} (label 0 is refused). */
    public static Components label(LabelMask m, int label, Connectivity conn) {
        if (label < 1 || label > 255) {
            throw new IllegalArgumentException("label must be 1..255, got " + label);
        }
        byte[] labels = m.labels();
        boolean[] in = new boolean[labels.length];
        for (int p = 0; p < in.length; p++) {
            in[p] = (labels[p] & 0xff) == label;
        }
        return label(in, m.width(), m.height(), m.depth(), conn);
    }

    /** Components of the voxels where {@code in} is true on a {@code w×h×d} grid. */
    public static Components label(boolean[] in, int w, int h, int d, Connectivity conn) {
        int[] ids = new int[in.length];
        int[] queue = new int[in.length];
        int[][] off = conn.offsets();
        List<Long> sizes = new ArrayList<>();
        for (int seed = 0; seed < in.length; seed++) {
            if (in[seed] && ids[seed] == 0) {
                sizes.add(fill(in, ids, queue, seed, sizes.size() + 1, new int[] {w, h, d}, off));
            }
        }
        long[] s = new long[sizes.size()];
        for (int c = 0; c < s.length; c++) {
            s[c] = sizes.get(c);
        }
        return new Components(w, h, d, ids, s);
    }

    private static long fill(boolean[] in, int[] ids, int[] queue, int seed, int id, int[] n, int[][] off) {
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        ids[seed] = id;
        int plane = n[0] * n[1];
        while (head < tail) {
            int p = queue[head++];
            int x = p % n[0];
            int y = (p / n[0]) % n[1];
            int z = p / plane;
            for (int[] o : off) {
                int xx = x + o[0];
                int yy = y + o[1];
                int zz = z + o[2];
                if (xx < 0 || yy < 0 || zz < 0 || xx >= n[0] || yy >= n[1] || zz >= n[2]) {
                    continue;
                }
                int q = (zz * n[1] + yy) * n[0] + xx;
                if (in[q] && ids[q] == 0) {
                    ids[q] = id;
                    queue[tail++] = q;
                }
            }
        }
        return tail;
    }

    /** Every label reduced to its largest component; other voxels of that label become background. */
    public static LabelMask keepLargest(LabelMask m, Connectivity conn) {
        return keepAtLeast(m, conn, -1);
    }

    /**
     * Components of every label smaller than {@code minVoxels} removed; with {@code minVoxels < 0}, only each
     * label's largest component is kept.
     */
    public static LabelMask keepAtLeast(LabelMask m, Connectivity conn, long minVoxels) {
        byte[] labels = m.labels();
        byte[] out = new byte[labels.length];
        for (int label : present(labels)) {
            Components c = label(m, label, conn);
            long[] sizes = c.sizes();
            int largest = c.largest();
            int[] ids = c.ids();
            for (int p = 0; p < ids.length; p++) {
                int id = ids[p];
                if (id > 0 && (minVoxels < 0 ? id == largest : sizes[id - 1] >= minVoxels)) {
                    out[p] = (byte) label;
                }
            }
        }
        return new LabelMask(m.grid(), out, m.classNames(), m.source());
    }

    private static int[] present(byte[] labels) {
        boolean[] seen = new boolean[256];
        for (byte b : labels) {
            seen[b & 0xff] = true;
        }
        int[] out = new int[256];
        int n = 0;
        for (int l = 1; l < 256; l++) {
            if (seen[l]) {
                out[n++] = l;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
