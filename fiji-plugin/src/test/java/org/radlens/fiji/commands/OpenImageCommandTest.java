package org.radlens.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.nifti.NiftiReader;
import org.radlens.fiji.Calibrations;
import org.radlens.fiji.Fixtures;
import org.radlens.fiji.ImagePlusConversions;
import org.radlens.fiji.IntensityProperties;
import org.radlens.fiji.UserError;
import org.radlens.volume3d.Volume;

class OpenImageCommandTest {
    @Test
    void ctDicomOpensAsCalibrated16BitWithHuFunctionAndDicomInfo() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.CT_DICOM);
        Volume ref = DicomReader.readVolume(Fixtures.CT_DICOM);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals("HU", imp.getCalibration().getValueUnit());
        assertEquals(ref.get(10, 20, 0), imp.getCalibration().getCValue(imp.getProcessor().get(10, 20)), 1e-6);
        assertEquals(ref.geometry().spacing(0), imp.getCalibration().pixelWidth, 1e-12);
        assertEquals(ref.geometry(), Calibrations.geometry(imp));
        assertArrayEquals(ref.data(), ImagePlusConversions.toVolume(imp).data());
        String info = (String) imp.getProperty("Info");
        assertTrue(info.contains("0008,0060  Modality: CT"), info);
        assertTrue(info.contains("0028,1052  Rescale Intercept"), info);
        assertEquals("CT", IntensityProperties.modality(imp));
    }

    @Test
    void niftiOpensAsAStackInLpsGeometry() throws Exception {
        ImagePlus imp = OpenImageCommand.open(Fixtures.NIFTI);
        Volume ref = NiftiReader.readVolume(Fixtures.NIFTI);
        assertEquals(ref.nz(), imp.getStackSize());
        assertEquals(ref.geometry().spacing(2), imp.getCalibration().pixelDepth, 1e-12);
        assertEquals(ref.geometry(), ImagePlusConversions.toVolume(imp).geometry());
        assertArrayEquals(ref.data(), ImagePlusConversions.toVolume(imp).data());
    }

    @Test
    void radiographDicomAndJpegOpenWithRawValues() throws Exception {
        ImagePlus dcm = OpenImageCommand.open(Fixtures.CXR_DICOM);
        assertEquals(512, dcm.getWidth());
        assertEquals(0.2, dcm.getCalibration().pixelWidth, 1e-9);
        ImagePlus jpg = OpenImageCommand.open(Fixtures.CXR_JPEG);
        assertEquals(ImagePlus.GRAY8, jpg.getType());
    }

    @Test
    void nonImagesAndMissingFilesAreClearUserErrors(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        UserError e = assertThrows(UserError.class, () -> OpenImageCommand.open(text));
        assertTrue(e.getMessage().contains("not an image RadLens can read"), e.getMessage());
        assertThrows(UserError.class, () -> OpenImageCommand.open(dir.resolve("missing.dcm")));
    }
}
