package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.volume3d.Volume;

/** Series assembly on synthetic series made from CT_small.dcm with chosen positions and orientations. */
class DicomSeriesTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    @TempDir
    Path dir;

    @Test
    void regularSeriesIsSortedAlongTheNormalWhateverTheFileOrder() throws Exception {
        double[] z = {10, 2.5, 5, 0, 7.5};
        for (int i = 0; i < z.length; i++) {
            write("s" + i, "1.2.3", new double[] {-100, -120, z[i]}, AXIAL);
        }
        Volume v = DicomSeries.readVolume(dir);
        assertEquals(5, v.nz());
        assertEquals(2.5, v.geometry().spacing(2), 1e-9);
        assertArrayEquals(new double[] {-100, -120, 0}, v.geometry().origin(), 1e-9);
        assertEquals("HU", v.intensity().units());
    }

    @Test
    void missingSliceIsRefusedNamingTheFiles() throws Exception {
        double[] z = {0, 2.5, 5, 10, 12.5};
        for (int i = 0; i < z.length; i++) {
            write("s" + i, "1.2.3", new double[] {0, 0, z[i]}, AXIAL);
        }
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> DicomSeries.readVolume(dir));
        assertTrue(e.getMessage().contains("missing slice"), e.getMessage());
        assertTrue(e.getMessage().contains("s2") && e.getMessage().contains("s3"), e.getMessage());
    }

    @Test
    void unevenSpacingIsRefused() throws Exception {
        double[] z = {0, 2.5, 5, 6.2, 8.7};
        for (int i = 0; i < z.length; i++) {
            write("s" + i, "1.2.3", new double[] {0, 0, z[i]}, AXIAL);
        }
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> DicomSeries.readVolume(dir));
        assertTrue(e.getMessage().contains("uneven"), e.getMessage());
    }

    @Test
    void gantryTiltIsRefused() throws Exception {
        for (int i = 0; i < 4; i++) {
            write("s" + i, "1.2.3", new double[] {0, i * 0.5, i * 2.5}, AXIAL);
        }
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> DicomSeries.readVolume(dir));
        assertTrue(e.getMessage().contains("gantry tilt"), e.getMessage());
    }

    @Test
    void mixedOrientationsAndSeriesAreRefused() throws Exception {
        write("a0", "1.2.3", new double[] {0, 0, 0}, AXIAL);
        write("a1", "1.2.3", new double[] {0, 0, 1}, AXIAL);
        write("c0", "1.2.3", new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 0, -1});
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> DicomSeries.readVolume(dir));
        assertTrue(e.getMessage().contains("2 series/orientation groups"), e.getMessage());
    }

    @Test
    void duplicatePositionsAreRefused() throws Exception {
        write("a0", "1.2.3", new double[] {0, 0, 0}, AXIAL);
        write("a1", "1.2.3", new double[] {0, 0, 0}, AXIAL);
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> DicomSeries.readVolume(dir));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    @Test
    void nonDicomFilesInTheFolderAreIgnored() throws Exception {
        write("s0", "1.2.3", new double[] {0, 0, 0}, AXIAL);
        write("s1", "1.2.3", new double[] {0, 0, 3}, AXIAL);
        Files.writeString(dir.resolve("README.txt"), "not an image");
        assertEquals(2, DicomSeries.readVolume(dir).nz());
    }

    private void write(String name, String seriesUid, double[] ipp, double[] iop) throws IOException, DicomException,
            ImageReadException {
        AttributeList l = new AttributeList();
        l.read(TestData.fixture("CT_small.dcm").toFile());
        l.remove(TagFromName.PixelPaddingValue);
        DecimalStringAttribute pos = new DecimalStringAttribute(TagFromName.ImagePositionPatient);
        for (double v : ipp) {
            pos.addValue(v);
        }
        l.put(pos);
        DecimalStringAttribute ori = new DecimalStringAttribute(TagFromName.ImageOrientationPatient);
        for (double v : iop) {
            ori.addValue(v);
        }
        l.put(ori);
        UniqueIdentifierAttribute series = new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID);
        series.addValue(seriesUid);
        l.put(series);
        UniqueIdentifierAttribute sop = new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID);
        sop.addValue("1.2.3.4." + Math.abs(name.hashCode()));
        l.put(sop);
        l.removeGroupLengthAttributes();
        l.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.EXPLICIT_LE.uid(), "RADLENS");
        l.write(dir.resolve(name).toFile(), TransferSyntax.EXPLICIT_LE.uid(), true, true);
    }
}
