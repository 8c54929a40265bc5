package org.radlens.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteLanes} and the word-at-a-time {@link LabelMask#count} / {@link LabelMask#binary}: same as byte by byte. */
class ByteLanesTest {
    @Test
    void countAndBinaryEqualTheBytewiseDefinitionForEveryLengthAndLabel() {
        Random r = new Random(7);
        for (int len = 1; len <= 70; len++) {
            for (int kind = 0; kind < 3; kind++) {
                byte[] labels = new byte[len];
                for (int i = 0; i < len; i++) { // 0/1 masks, small label sets, and every byte value (127, 128, 255)
                    labels[i] = (byte) (kind == 0 ? r.nextInt(2) : kind == 1 ? r.nextInt(4) : r.nextInt(256));
                }
                LabelMask m = new LabelMask(len, 1, 1, labels, VoxelGeometry.planar(1, 1), List.of("a"), "test");
                for (int label : new int[] {0, 1, 2, 3, 127, 128, 129, 255, -1, 256, 257}) {
                    long n = 0;
                    byte[] want = new byte[len];
                    for (int i = 0; i < len; i++) {
                        boolean hit = (labels[i] & 0xff) == label;
                        n += hit ? 1 : 0;
                        want[i] = (byte) (hit ? 1 : 0);
                    }
                    assertEquals(n, m.count(label), "count " + label + " len " + len);
                    assertArrayEquals(want, m.binary(label), "binary " + label + " len " + len);
                }
            }
        }
    }

    @Test
    void nonZeroAndPackBitsMatchTheBytes() {
        Random r = new Random(11);
        for (int k = 0; k < 2000; k++) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (r.nextBoolean() ? 0 : r.nextInt(256));
            }
            long w = ByteLanes.word(b, 0);
            int bits = 0;
            for (int i = 0; i < 8; i++) {
                assertEquals(b[i] != 0 ? 1 : 0, (int) (ByteLanes.nonZero(w) >>> (8 * i) & 0xff));
                bits |= (b[i] != 0 ? 1 : 0) << i;
            }
            assertEquals(bits, ByteLanes.packBits(ByteLanes.nonZero(w)));
            byte[] back = new byte[8];
            ByteLanes.put(back, 0, w);
            assertArrayEquals(b, back);
        }
    }
}
