package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Benchmark driver (not a test), run by {@code dicom-io/bench/run-benchmark.sh} next to pydicom and nibabel.
 * Modes: {@code prepare OUT CT_DIR} writes uncompressed copies; {@code dicom REPS FILE...} and
 * {@code nifti REPS FILE...} print "label files seconds bytes"; {@code heap NII} prints peak heap / voxel bytes.
 */
public final class DecodeBenchmark {
    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]));
            case "dicom", "nifti" -> time(args[0], Integer.parseInt(args[1]), paths(args));
            case "heap" -> heap(Path.of(args[1]));
            case "synth" -> synth(Path.of(args[1]));
            default -> throw new IllegalArgumentException("mode: prepare | dicom | nifti | heap | synth");
        }
    }

    private static List<Path> paths(String[] args) {
        List<Path> p = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            p.add(Path.of(args[i]));
        }
        return p;
    }

    private static void prepare(Path out, Path ctDir) throws Exception {
        Files.createDirectories(out.resolve("ct"));
        int i = 0;
        for (Path p : DicomSeries.dicomFiles(ctDir)) {
            uncompressed(p, out.resolve("ct/ct" + i++ + ".dcm"));
        }
    }

    private static void uncompressed(Path in, Path out) throws Exception {
        AttributeList l = new AttributeList();
        l.setDecompressPixelData(true);
        l.read(in.toFile());
        l.correctDecompressedImagePixelModule();
        for (com.pixelmed.dicom.AttributeTag[] t : new com.pixelmed.dicom.AttributeTag[][] {
            {com.pixelmed.dicom.TagFromName.SOPClassUID, com.pixelmed.dicom.TagFromName.MediaStorageSOPClassUID},
            {com.pixelmed.dicom.TagFromName.SOPInstanceUID,
                com.pixelmed.dicom.TagFromName.MediaStorageSOPInstanceUID}}) {
            if (l.get(t[1]) != null && com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, t[0]).isEmpty()) {
                com.pixelmed.dicom.UniqueIdentifierAttribute a = new com.pixelmed.dicom.UniqueIdentifierAttribute(t[0]);
                a.addValue(l.get(t[1]).getSingleStringValueOrEmptyString());
                l.put(a);
            }
        }
        l.removeGroupLengthAttributes();
        l.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.EXPLICIT_LE.uid(), "RADLENS");
        l.write(out.toFile(), TransferSyntax.EXPLICIT_LE.uid(), true, true);
    }

    private static void time(String mode, int reps, List<Path> files) throws Exception {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int w = 0; w < 3; w++) {
            readAll(mode, files); // warm-up (JIT, codecs)
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            readAll(mode, files);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "java %d %.4f %d%n", files.size() * reps, s, bytes * reps);
    }

    private static void readAll(String mode, List<Path> files) throws ImageReadException {
        for (Path f : files) {
            if (mode.equals("dicom")) {
                DicomReader.readImage(f);
            } else {
                NiftiReader.readVolume(f);
            }
        }
    }

    private static void heap(Path nii) throws Exception {
        System.gc();
        long before = usedHeap();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        Volume v = NiftiReader.readVolume(nii);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        long voxelBytes = 4L * v.nx() * v.ny() * v.nz();
        System.out.printf(java.util.Locale.ROOT, "heap %dx%dx%d float voxels %.1f MB, peak heap above baseline "
                + "%.1f MB = %.2fx%n", v.nx(), v.ny(), v.nz(), voxelBytes / 1e6, (peak - before) / 1e6,
                (peak - before) / (double) voxelBytes);
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getUsage().getUsed();
            }
        }
        return used;
    }

    /** A 512×512×300 int16 CT-like volume (random HU) for the heap figure. */
    private static void synth(Path out) throws Exception {
        int n = 512 * 512 * 300;
        float[] d = new float[n];
        Random r = new Random(0);
        for (int i = 0; i < n; i++) {
            d[i] = r.nextInt(3000) - 1024;
        }
        Volume v = Volumes.adopt(512, 512, 300, d, VoxelGeometry.axial(0.8, 0.8, 1), IntensityInfo.rawGray());
        NiftiWriter.write(v, out);
    }
}
