package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void formatsAreDetectedByContentNotName() throws IOException {
        assertEquals(ImageFormat.DICOM, ImageFormat.detect(TestData.fixture("CT_small.dcm")));
        assertEquals(ImageFormat.DICOM, ImageFormat.detect(TestData.fixture("rtdose_1frame.dcm")));
        assertEquals(ImageFormat.NIFTI, ImageFormat.detect(TestData.fixture("anatomical.nii")));
        assertEquals(ImageFormat.NIFTI_GZ, ImageFormat.detect(TestData.fixture("example_nifti2.nii.gz")));
        assertEquals(ImageFormat.NIFTI_PAIR, ImageFormat.detect(TestData.fixture("nifti1.hdr")));
        Path disguised = dir.resolve("scan.png");
        Files.copy(TestData.fixture("CT_small.dcm"), disguised);
        assertEquals(ImageFormat.DICOM, ImageFormat.detect(disguised));
        assertEquals(ImageFormat.FOLDER, ImageFormat.detect(dir));
    }

    @Test
    void pngKeeps16BitGreyRawValuesAndRgbChannels() throws IOException, ImageReadException {
        BufferedImage g16 = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(2, 1, 0, 40000);
        Path p = dir.resolve("g16.png");
        ImageIO.write(g16, "png", p.toFile());
        Image2D img = ImageFiles.readImage2D(p);
        assertEquals(1, img.channels());
        assertEquals(40000f, img.get(2, 1));
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(1, 0, 0x102030);
        Path q = dir.resolve("rgb.jpg.png");
        ImageIO.write(rgb, "png", q.toFile());
        Image2D c = ImageFiles.readImage2D(q);
        assertEquals(3, c.channels());
        assertEquals(0x30, c.get(1, 0, 2));
    }

    @Test
    void jpegGreyIsOneChannel() throws IOException, ImageReadException {
        BufferedImage g = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        Path p = dir.resolve("g.jpg");
        ImageIO.write(g, "jpeg", p.toFile());
        assertEquals(1, ImageFiles.readImage2D(p).channels());
        assertEquals(ImageFormat.JPEG, ImageFormat.detect(p));
    }

    @Test
    void volumesGiveTheirMiddleSliceAs2D() throws ImageReadException {
        Volume v = ImageFiles.readVolume(TestData.fixture("anatomical.nii"));
        Image2D mid = ImageFiles.readImage2D(TestData.fixture("anatomical.nii"));
        assertEquals(v.get(4, 5, v.nz() / 2), mid.get(4, 5));
    }

    @Test
    void unknownBytesAreAnUnsupportedFormatNamingTheFile() throws IOException {
        Path p = dir.resolve("notes.bin");
        Files.writeString(p, "hello, this is not an image at all".repeat(20));
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> ImageFiles.readImage2D(p));
        assertTrue(e.getMessage().contains("notes.bin"), e.getMessage());
        assertThrows(ImageReadException.class, () -> ImageFiles.readVolume(dir.resolve("missing.nii")));
    }
}
