package org.radlens.volume3d;

import java.util.Random;

/** Seeded random volumes and geometries for property tests. */
final class TestVolumes {
    private TestVolumes() {
    }

    /** A random proper rotation (unit quaternion), row-major. */
    static double[] randomRotation(Random r) {
        double a = r.nextGaussian();
        double b = r.nextGaussian();
        double c = r.nextGaussian();
        double d = r.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d};
    }

    static VoxelGeometry randomGeometry(Random r) {
        double[] s = {0.3 + 3 * r.nextDouble(), 0.3 + 3 * r.nextDouble(), 0.3 + 3 * r.nextDouble()};
        double[] o = {400 * r.nextDouble() - 200, 400 * r.nextDouble() - 200, 400 * r.nextDouble() - 200};
        return VoxelGeometry.of(s, o, randomRotation(r));
    }

    static Volume randomVolume(Random r, VoxelGeometry g) {
        int nx = 2 + r.nextInt(9);
        int ny = 2 + r.nextInt(9);
        int nz = 2 + r.nextInt(7);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(4000) - 1024;
        }
        return new Volume(nx, ny, nz, d, g, IntensityInfo.rawGray());
    }
}
