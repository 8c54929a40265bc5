package org.radlens.validation.bench;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.validation.bench.IoCase.Format;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * The inputs of {@code radlens bench io}, as {@code dicom-io/bench/run-benchmark.sh} makes them: uncompressed
 * (explicit VR little endian) copies of the SIIM CXR and of the 20 CT slices (PixelMed decompresses; the peer reads
 * the same copies), the CT slices as stored (JPEG 2000 lossless), TotalSegmentator's {@code example_ct} as
 * {@code .nii.gz} and gunzipped {@code .nii}, and a generated 512×512×{@code slices} int16 volume written by
 * {@link NiftiWriter}. A source missing from the data folder leaves its case out with a note.
 */
public final class IoInputs {
    static final String CXR = "dicom/cxr/1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm";
    static final String CT = "dicom/ct-series/example_ct_dicom";
    static final String NII_GZ = "nifti/totalsegmentator/example_ct.nii.gz";

    private IoInputs() {
    }

    /**
     * One case per encoding of the realistic {@link Workload} (files read where they are, as stored): uncompressed
     * with {@code reps / 4} repetitions, compressed with {@code reps / 10} (at least 1; each repetition reads every
     * film once).
     */
    public static List<IoCase> workload(Workload w, int reps) throws IOException {
        if (reps < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1: " + reps);
        }
        List<IoCase> cases = new ArrayList<>();
        w.byEncoding().forEach((encoding, files) -> {
            String sizes = String.join(" + ", files.stream().map(Workload.Entry::size).distinct().toList());
            boolean plain = "uncompressed".equals(encoding);
            cases.add(new IoCase("workload " + sizes + " (x" + files.size() + "), " + files.get(0).syntaxName(),
                    Format.DICOM, files.stream().map(Workload.Entry::file).toList(),
                    Math.max(1, plain ? reps / 4 : reps / 10)));
        });
        settle(null, cases); // read only: the files are not ours to flush
        return cases;
    }

    /** Writes the derived files under {@code work} and returns the cases; {@code reps} per small case. */
    public static List<IoCase> prepare(Path data, Path work, int reps, int slices, List<String> notes)
            throws IOException {
        if (reps < 1 || slices < 1) {
            throw new IllegalArgumentException("repetitions and slices must be >= 1: " + reps + ", " + slices);
        }
        List<IoCase> cases = new ArrayList<>();
        Files.createDirectories(work);
        if (Files.isRegularFile(data.resolve(CXR))) {
            Path cxr = work.resolve("cxr.dcm");
            uncompressed(data.resolve(CXR), cxr);
            cases.add(new IoCase("CXR 1024x1024 8-bit, uncompressed", Format.DICOM, List.of(cxr), reps));
        } else {
            notes.add("left out: " + data.resolve(CXR) + " not found");
        }
        if (Files.isDirectory(data.resolve(CT))) {
            List<Path> stored = ctSlices(data.resolve(CT));
            List<Path> copies = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                copies.add(work.resolve("ct" + i + ".dcm"));
                uncompressed(stored.get(i), copies.get(i));
            }
            cases.add(new IoCase("CT slices 512x512 16-bit, uncompressed (x" + copies.size() + ")", Format.DICOM,
                    copies, reps));
            cases.add(new IoCase("CT slices 512x512, JPEG 2000 lossless (x" + stored.size() + ")", Format.DICOM,
                    stored, Math.max(1, reps / 4)));
        } else {
            notes.add("left out: " + data.resolve(CT) + " not found");
        }
        addNifti(data, work, reps, cases, notes);
        Path big = work.resolve("generated-512x512x" + slices + ".nii");
        writeVolume(big, slices);
        cases.add(new IoCase("NIfTI .nii 512x512x" + slices + " int16 (generated)", Format.NIFTI, List.of(big),
                Math.max(1, reps / 5)));
        settle(work, cases);
        return cases;
    }

    /**
     * Flushes what was written under {@code work} to disk and reads every input once: timings start with the files
     * in the page cache and no write-back in flight (reads that queue behind it made whole rounds 20x slower); a null
     * {@code work} only reads.
     */
    static void settle(Path work, List<IoCase> cases) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (IoCase c : cases) {
            for (Path f : c.files()) {
                boolean ours = work != null && f.toAbsolutePath().normalize().startsWith(work.toAbsolutePath().normalize());
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                        ours ? java.nio.file.StandardOpenOption.WRITE : java.nio.file.StandardOpenOption.READ)) {
                    if (ours) {
                        ch.force(true);
                    }
                }
                try (InputStream in = Files.newInputStream(f)) {
                    while (in.read(buf) >= 0) {
                        // reading is the point: the file lands in the page cache
                    }
                }
            }
        }
    }

    private static void addNifti(Path data, Path work, int reps, List<IoCase> cases, List<String> notes)
            throws IOException {
        Path gz = data.resolve(NII_GZ);
        if (!Files.isRegularFile(gz)) {
            notes.add("left out: " + gz + " not found");
            return;
        }
        Path nii = work.resolve("example_ct.nii");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, nii);
        }
        cases.add(new IoCase("NIfTI .nii example_ct", Format.NIFTI, List.of(nii), reps));
        cases.add(new IoCase("NIfTI .nii.gz example_ct", Format.NIFTI, List.of(gz), reps));
    }

    private static List<Path> ctSlices(Path folder) throws IOException {
        try {
            return DicomSeries.dicomFiles(folder);
        } catch (ImageReadException e) {
            throw new IOException("cannot list the CT series " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A CT-like 512×512×slices volume of random integer HU in [-1024, 1976), 0.8×0.8×1 mm, seed 0. */
    static void writeVolume(Path out, int slices) throws IOException {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be >= 1: " + slices);
        }
        float[] d = new float[512 * 512 * slices];
        SplittableRandom r = new SplittableRandom(0);
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(3000) - 1024;
        }
        Volume v = Volumes.adopt(512, 512, slices, d, VoxelGeometry.axial(0.8, 0.8, 1), IntensityInfo.rawGray());
        NiftiWriter.write(v, out);
    }

    /** Decompresses {@code in} (any syntax PixelMed reads) to explicit VR little endian {@code out}. */
    static void uncompressed(Path in, Path out) throws IOException {
        try {
            AttributeList l = new AttributeList();
            l.setDecompressPixelData(true);
            l.read(in.toFile());
            l.correctDecompressedImagePixelModule();
            copyIfMissing(l, TagFromName.SOPClassUID, TagFromName.MediaStorageSOPClassUID);
            copyIfMissing(l, TagFromName.SOPInstanceUID, TagFromName.MediaStorageSOPInstanceUID);
            l.removeGroupLengthAttributes();
            l.removeMetaInformationHeaderAttributes();
            String explicitLe = "1.2.840.10008.1.2.1";
            FileMetaInformation.addFileMetaInformation(l, explicitLe, "RADLENS");
            l.write(out.toFile(), explicitLe, true, true);
        } catch (DicomException e) {
            throw new IOException("cannot write an uncompressed copy of " + in + ": " + e.getMessage(), e);
        }
    }

    private static void copyIfMissing(AttributeList l, AttributeTag tag, AttributeTag meta) throws DicomException {
        if (l.get(meta) != null && Attribute.getSingleStringValueOrEmptyString(l, tag).isEmpty()) {
            UniqueIdentifierAttribute a = new UniqueIdentifierAttribute(tag);
            a.addValue(l.get(meta).getSingleStringValueOrEmptyString());
            l.put(a);
        }
    }
}
