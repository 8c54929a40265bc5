package org.radlens.models.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Random;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.EncoderOptions;
import org.radlens.models.volume.Pooling;
import org.radlens.models.volume.VolumeOptions;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Slices per second and peak heap of volume encoding (VolumeEncoder, mean pooling) and 3D grounding (VolumeGrounder)
 * on a synthetic 512×512×NZ CT-like volume, at 1 and 2 worker threads (1 ONNX Runtime thread each). Peak heap is the
 * sum of the heap pools' peaks since the last reset (an upper bound), reported next to the volume's own size.
 *
 * <p>Usage: {@code VolumeBenchmark PACKAGE [NZ [TASKS [THREADS]]]}, TASKS {@code all|encode|ground}, THREADS e.g.
 * {@code 1,2} (see models/README.md). Run under a small {@code -Xmx} to show what the heap must hold.
 */
public final class VolumeBenchmark {
    private VolumeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nz = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String tasks = args.length > 2 ? args[2] : "all";
        int[] threadCounts = java.util.Arrays.stream((args.length > 3 ? args[3] : "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Volume v = syntheticCt(512, 512, nz);
        System.gc();
        double volumeMb = 512.0 * 512 * nz * 4 / (1 << 20);
        System.out.printf("volume 512x512x%d float32 = %.0f MiB; heap used after load %.0f MiB; max heap %.0f MiB%n",
                nz, volumeMb, used() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println("| task | threads | slices | seconds | slices/s | peak heap (MiB) | peak − volume (MiB) |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (RadLensModel m = RadLensModel.open(Path.of(args[0]), new EncoderOptions(8, 32, 1))) {
            Volume warm = syntheticCt(512, 512, 8);
            m.volumeEncoder().encode(warm, VolumeOptions.defaults(), Pooling.MEAN);
            m.volumeGrounder().heatMap(warm, "lungs", VolumeOptions.defaults());
            for (int threads : threadCounts) {
                VolumeOptions o = new VolumeOptions(Plane.AXIAL, 8, threads);
                if (!"ground".equals(tasks)) {
                    measure("encode (mean)", threads, nz, volumeMb,
                            () -> m.volumeEncoder().encode(v, o, Pooling.MEAN));
                }
                if (!"encode".equals(tasks)) {
                    measure("ground (3D heat map)", threads, nz, volumeMb,
                            () -> m.volumeGrounder().heatMap(v, "lungs", o));
                }
            }
        }
    }

    private interface Task {
        Object run() throws Exception;
    }

    private static void measure(String name, int threads, int nz, double volumeMb, Task t) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        Object result = t.run();
        double s = (System.nanoTime() - t0) / 1e9;
        double peak = peak() / 1048576.0;
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.0f | %.0f |%n", name, threads, nz, s, nz / s, peak,
                peak - volumeMb);
        if (result == null) {
            throw new IllegalStateException("no result");
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Air around an elliptic body of soft tissue with two dark lungs and noise (HU), 0.7 × 0.7 × 1.25 mm. */
    static Volume syntheticCt(int nx, int ny, int nz) {
        Random r = new Random(0);
        float[] d = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double x = (i - nx / 2.0) / (nx * 0.42);
                    double y = (j - ny / 2.0) / (ny * 0.32);
                    double lx = Math.abs(x) - 0.45;
                    boolean lung = lx * lx / 0.09 + y * y / 0.5 < 1;
                    float hu = x * x + y * y > 1 ? -1000 : lung ? -850 : 40;
                    d[(k * ny + j) * nx + i] = hu + (float) (20 * r.nextGaussian());
                }
            }
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.7, 0.7, 1.25}, new double[] {-179, -179, -500},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        return Volumes.adopt(nx, ny, nz, d, g, new IntensityInfo("CT", "HU", true, java.util.Optional.empty(),
                IntensityInfo.Photometric.MONOCHROME2));
    }
}
