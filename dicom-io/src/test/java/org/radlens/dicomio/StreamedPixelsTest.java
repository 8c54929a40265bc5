package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;

/**
 * Large uncompressed grey films are opened from their head and their pixels read from disk in chunks
 * ({@link DicomFile#openStreamed}, {@link GreyFrames}): the frames must be bit for bit the frames of the whole-file
 * path (so the model input, a function of the image, is too), for MONOCHROME1/2, 8/12/16 bits stored, signed, with
 * and without a modality rescale, frame sizes that span several chunks with a remainder, and multi-frame objects.
 */
class StreamedPixelsTest {
    @TempDir
    Path dir;

    @Test
    void streamedFramesEqualTheWholeFilePath() throws Exception {
        same(film(dir, "m2-16.dcm", 1001, 777, 1, 16, 16, false, "MONOCHROME2", 1, 0));
        same(film(dir, "m1-12.dcm", 1001, 777, 1, 16, 12, false, "MONOCHROME1", 1, 0));
        same(film(dir, "m2-12-rescaled.dcm", 1024, 1030, 1, 16, 12, false, "MONOCHROME2", 0.5, -1024));
        same(film(dir, "m1-16-signed.dcm", 999, 1001, 1, 16, 16, true, "MONOCHROME1", 1.25, 7.5));
        same(film(dir, "m2-12-signed.dcm", 640, 480, 1, 16, 12, true, "MONOCHROME2", 1, -100));
        same(film(dir, "m2-8.dcm", 1500, 999, 1, 8, 8, false, "MONOCHROME2", 2, -3));
        same(film(dir, "m2-16-frames.dcm", 700, 800, 3, 16, 16, false, "MONOCHROME2", 1, 0));
        same(film(dir, "m1-8-frames.dcm", 1300, 900, 2, 8, 8, false, "MONOCHROME1", 1, 0));
    }

    /** The realistic workload's uncompressed films (pydicom-written, 12-bit MONOCHROME1/2 and 16-bit), when made. */
    @Test
    void workloadFilmsAreTheSameStreamed() throws Exception {
        Path folder = NativeImagesTest.workload().resolve("uncompressed");
        Assumptions.assumeTrue(Files.isDirectory(folder), "no workload in " + folder
                + ": skipped (validation/bench/make-workload builds it from the ../shared data films)");
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
                assertNotNull(DicomFile.openStreamed(f, DicomFile.STREAM_ABOVE), f + " is streamed");
                same(f);
            }
        }
    }

    @Test
    void readImageStreamsOnlyFilesAboveTheThreshold() throws Exception {
        Path small = film(dir, "small.dcm", 64, 64, 1, 16, 16, false, "MONOCHROME2", 1, 0);
        Path big = film(dir, "big.dcm", 1500, 1500, 1, 16, 16, false, "MONOCHROME2", 1, 0); // 4.5 MB > 4 MiB
        assertNull(DicomFile.openStreamed(small, DicomFile.STREAM_ABOVE));
        assertNotNull(DicomFile.openStreamed(big, DicomFile.STREAM_ABOVE));
        assertEquals(-1, DicomFile.openForImages(small).pixelFileOffset);
        Image2D read = DicomReader.readImage(big);
        Image2D whole = DicomReader.image(DicomFile.openWhole(big, false));
        assertArrayEquals(bits(whole.channel(0)), bits(read.channel(0)));
    }

    @Test
    void aFileWithElementsAfterItsPixelDataIsReadWhole() throws Exception {
        Path f = film(dir, "trailing.dcm", 800, 600, 1, 16, 16, false, "MONOCHROME2", 1, 0);
        byte[] padding = {(byte) 0xFC, (byte) 0xFF, (byte) 0xFC, (byte) 0xFF, 'O', 'B', 0, 0, 2, 0, 0, 0, 0, 0};
        Files.write(f, padding, java.nio.file.StandardOpenOption.APPEND); // Data Set Trailing Padding
        assertNull(DicomFile.openStreamed(f, 0));
        assertEquals(800, DicomReader.readImage(f).width());
    }

    @Test
    void aFileCutInsideItsPixelDataIsRefusedNamingIt() throws Exception {
        Path f = film(dir, "cut.dcm", 300, 200, 1, 16, 16, false, "MONOCHROME2", 1, 0);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 1000));
        assertNull(DicomFile.openStreamed(f, 0));
        ImageReadException e = assertThrows(ImageReadException.class, () -> DicomReader.readImage(f));
        assertEquals(f, e.file());
    }

    private static void same(Path f) throws Exception {
        DicomFile streamed = DicomFile.openStreamed(f, 0);
        assertNotNull(streamed, f + " is opened from its head");
        DicomFile whole = DicomFile.openWhole(f, false);
        assertNotNull(whole.raw, f + " whole-file path converts from the file bytes");
        IntensityInfo info = DicomImages.intensity(whole.header);
        assertEquals(info, DicomImages.intensity(streamed.header));
        for (int k = 0; k < whole.header.frames(); k++) {
            float[] a = GreyFrames.frame(whole, k, info);
            float[] b = GreyFrames.frame(streamed, k, info);
            assertArrayEquals(bits(a), bits(b), f + " frame " + k);
        }
        Image2D a = DicomReader.image(whole);
        Image2D b = DicomReader.image(streamed);
        assertEquals(a.geometry(), b.geometry());
        assertEquals(a.intensity(), b.intensity());
        assertArrayEquals(bits(a.channel(0)), bits(b.channel(0)));
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    static Path film(Path dir, String name, int w, int h, int frames, int allocated, int stored, boolean signed,
                      String photometric, double slope, double intercept) throws Exception {
        AttributeList l = new AttributeList();
        DicomAttributes.put(l, TagFromName.SOPClassUID, SOPClass.DigitalXRayImageStorageForPresentation);
        DicomAttributes.put(l, TagFromName.SOPInstanceUID, "2.25.15" + Math.abs(name.hashCode()));
        DicomAttributes.put(l, TagFromName.StudyInstanceUID, "2.25.151");
        DicomAttributes.put(l, TagFromName.SeriesInstanceUID, "2.25.152");
        DicomAttributes.put(l, TagFromName.Modality, "DX");
        DicomAttributes.put(l, TagFromName.ImagerPixelSpacing, 0.15, 0.2);
        DicomAttributes.put(l, TagFromName.SamplesPerPixel, 1);
        DicomAttributes.put(l, TagFromName.PhotometricInterpretation, photometric);
        DicomAttributes.put(l, TagFromName.Rows, h);
        DicomAttributes.put(l, TagFromName.Columns, w);
        DicomAttributes.put(l, TagFromName.NumberOfFrames, frames);
        DicomAttributes.put(l, TagFromName.BitsAllocated, allocated);
        DicomAttributes.put(l, TagFromName.BitsStored, stored);
        DicomAttributes.put(l, TagFromName.HighBit, stored - 1);
        DicomAttributes.put(l, TagFromName.PixelRepresentation, signed ? 1 : 0);
        DicomAttributes.put(l, TagFromName.RescaleSlope, slope);
        DicomAttributes.put(l, TagFromName.RescaleIntercept, intercept);
        Random r = new Random(name.hashCode());
        int n = w * h * frames;
        Attribute px;
        if (allocated == 8) {
            byte[] v = new byte[n];
            r.nextBytes(v);
            px = new OtherByteAttribute(TagFromName.PixelData);
            px.setValues(v);
        } else {
            short[] v = new short[n];
            for (int i = 0; i < n; i++) {
                v[i] = (short) r.nextInt(1 << 16); // all 16 bits set at random: the BitsStored rule masks them
            }
            px = new OtherWordAttribute(TagFromName.PixelData);
            px.setValues(v);
        }
        l.put(px);
        Path f = dir.resolve(name);
        Files.write(f, DicomAttributes.toPart10(l));
        return f;
    }
}
