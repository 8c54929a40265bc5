package org.radlens.validation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.nifti.NiftiReader;
import org.radlens.volume3d.Volume;

/**
 * Peak heap of one volume read, above the heap in use before it (after a GC): the sum of the heap pools' peaks, an
 * upper bound. {@code radlens bench io} reports it for the generated 512×512×N volume against the target of 1.5× the
 * float voxel bytes.
 *
 * <pre>{@code
 * HeapPeak.Result r = HeapPeak.readNifti(Path.of("big.nii"));   // r.ratio() ~ 1.0
 * }</pre>
 */
public final class HeapPeak {
    /** The target of issue 3: peak heap under 1.5× the voxel bytes. */
    public static final double TARGET_RATIO = 1.5;

    private HeapPeak() {
    }

    /** @param voxelBytes bytes of the float voxels read; @param peakAboveBaseline peak heap above the baseline */
    public record Result(String shape, long voxelBytes, long peakAboveBaseline) {
        public double ratio() {
            return peakAboveBaseline / (double) voxelBytes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap: reading %s float voxels (%.1f MB) peaked %.1f MB above the "
                    + "baseline = %.2fx the voxel bytes (target < %.1fx)", shape, voxelBytes / 1e6,
                    peakAboveBaseline / 1e6, ratio(), TARGET_RATIO);
        }
    }

    public static Result readNifti(Path nii) throws ImageReadException {
        System.gc();
        long before = heap(false);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        Volume v = NiftiReader.readVolume(nii);
        long peak = heap(true);
        return new Result(v.nx() + "x" + v.ny() + "x" + v.nz(), 4L * v.nx() * v.ny() * v.nz(), peak - before);
    }

    private static long heap(boolean peak) {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += (peak ? p.getPeakUsage() : p.getUsage()).getUsed();
            }
        }
        return used;
    }
}
