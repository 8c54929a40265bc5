package org.radlens.volume3d;

/**
 * Resampling of volumes and label masks onto another grid in patient space (LPS, mm).
 *
 * <p>Each target voxel centre is mapped to world coordinates and back into the source's continuous index
 * ({@code src = G_s⁻¹ · G_t · t}); indices within 1e-6 of an integer are snapped to it, so resampling onto the
 * same grid returns the input exactly. Points outside the source's outer voxel centres get {@code outside}.
 *
 * <pre>{@code
 * Volume iso = Resampling.toSpacing(ct, 1.0, 1.0, 1.0, Interpolation.LINEAR, -1024f);
 * LabelMask m = Resampling.resample(mask, iso.grid());   // always nearest
 * }</pre>
 */
public final class Resampling {
    private static final double SNAP = 1e-6;

    private Resampling() {
    }

    /** {@code v} resampled onto {@code target}. */
    public static Volume resample(Volume v, VolumeGrid target, Interpolation interp, float outside) {
        float[] out = resampleArray(v.raw(), v.grid(), target, interp, outside);
        return Volume.wrap(target, out, v.intensity());
    }

    /**
     * {@code v} on an isotropic grid of {@code spacingMm} along every axis, same directions, same first voxel centre,
     * same extent as closely as whole voxels allow.
     */
    public static Volume isotropic(Volume v, double spacingMm, Interpolation interp, float outside) {
        return toSpacing(v, spacingMm, spacingMm, spacingMm, interp, outside);
    }

    /** {@code v} on an isotropic grid at its finest spacing (the usual choice before 3D operations). */
    public static Volume isotropic(Volume v, Interpolation interp, float outside) {
        double[] s = v.geometry().spacing();
        return isotropic(v, Math.min(s[0], Math.min(s[1], s[2])), interp, outside);
    }

    /** {@code v} on a grid of the same directions and extent with the given spacing (mm). */
    public static Volume toSpacing(Volume v, double si, double sj, double sk, Interpolation interp, float outside) {
        return resample(v, v.grid().withSpacing(si, sj, sk), interp, outside);
    }

    /** A label mask resampled onto {@code target} with nearest-neighbour interpolation; outside is background 0. */
    public static LabelMask resample(LabelMask m, VolumeGrid target) {
        byte[] labels = m.labels();
        float[] src = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            src[i] = labels[i] & 0xff;
        }
        float[] out = resampleArray(src, m.grid(), target, Interpolation.NEAREST, 0f);
        byte[] b = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            b[i] = (byte) (int) out[i];
        }
        return new LabelMask(target, b, m.classNames(), m.source());
    }

    static float[] resampleArray(float[] src, VolumeGrid from, VolumeGrid to, Interpolation interp, float outside) {
        double[] m = targetToSourceIndex(from.geometry(), to.geometry());
        if (to.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("target grid too large: " + to);
        }
        float[] out = new float[(int) to.size()];
        int p = 0;
        for (int k = 0; k < to.nz(); k++) {
            for (int j = 0; j < to.ny(); j++) {
                for (int i = 0; i < to.nx(); i++) {
                    double x = snap(m[0] * i + m[1] * j + m[2] * k + m[3]);
                    double y = snap(m[4] * i + m[5] * j + m[6] * k + m[7]);
                    double z = snap(m[8] * i + m[9] * j + m[10] * k + m[11]);
                    out[p++] = interp.sample(src, from.nx(), from.ny(), from.nz(), x, y, z, outside);
                }
            }
        }
        return out;
    }

    /** Row-major 3×4 affine taking a target index to the source's continuous index. */
    static double[] targetToSourceIndex(VoxelGeometry src, VoxelGeometry dst) {
        double[] m = new double[12];
        double[] o = dst.indexToWorld(0, 0, 0);
        double[] t = src.worldToIndex(o[0], o[1], o[2]);
        for (int c = 0; c < 3; c++) {
            double[] e = dst.indexToWorld(c == 0 ? 1 : 0, c == 1 ? 1 : 0, c == 2 ? 1 : 0);
            double[] s = src.worldToIndex(e[0], e[1], e[2]);
            for (int r = 0; r < 3; r++) {
                m[4 * r + c] = s[r] - t[r];
            }
        }
        for (int r = 0; r < 3; r++) {
            m[4 * r + 3] = t[r];
        }
        return m;
    }

    static double snap(double x) {
        double r = Math.rint(x);
        return Math.abs(x - r) < SNAP ? r : x;
    }
}
