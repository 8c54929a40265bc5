package org.radlens.models.encode;

import java.util.Arrays;

/**
 * A named dense tensor crossing the engine boundary: float32 or int64 values, row-major, with its shape. Internal to
 * the encoders; public results never expose it.
 */
record Tensor(long[] shape, float[] floats, long[] longs) {
    Tensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int have = floats != null ? floats.length : longs.length;
        if (n != have) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + have);
        }
    }

    static Tensor of(float[] values, long... shape) {
        return new Tensor(shape, values, null);
    }

    static Tensor ofLongs(long[] values, long... shape) {
        return new Tensor(shape, null, values);
    }

    String shapeText() {
        return Arrays.toString(shape);
    }
}
