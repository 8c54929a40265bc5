package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small CT series with PixelMed for tests that must run without shared data: {@link #COLUMNS}×{@link #ROWS}
 * (35 pixels, so SEG frames do not end on byte boundaries), {@link #SLICES} slices in a sagittal orientation (rows
 * along -z), 2.5 mm apart along the normal (-x), written in reverse file-name order so sorting is exercised. Pixel
 * value of (x, y, slice k) = {@code 100·k + 10·y + x} (HU, rescale 1/-1024 on stored values).
 */
public final class SyntheticSeries {
    public static final int COLUMNS = 7;
    public static final int ROWS = 5;
    public static final int SLICES = 3;
    public static final double[] IOP = {0, 1, 0, 0, 0, -1};
    public static final String STUDY = "1.2.826.0.1.3680043.10.1419.99.1";
    public static final String SERIES = "1.2.826.0.1.3680043.10.1419.99.2";
    public static final String FRAME_OF_REFERENCE = "1.2.826.0.1.3680043.10.1419.99.3";

    private SyntheticSeries() {
    }

    /** SOP Instance UID of slice k (k in volume order). */
    public static String sopUid(int k) {
        return "1.2.826.0.1.3680043.10.1419.99.10." + (k + 1);
    }

    /** LPS position of slice k: the normal is -x, so x decreases by 2.5 mm per slice. */
    public static double[] position(int k) {
        return new double[] {10 - 2.5 * k, -20, 30};
    }

    /** Writes the series into {@code folder} (created) and returns it. */
    public static Path write(Path folder) throws Exception {
        return write(folder, true);
    }

    /** As {@link #write(Path)}; without {@code frameOfReference} the slices carry no Frame of Reference UID. */
    public static Path write(Path folder, boolean frameOfReference) throws Exception {
        Files.createDirectories(folder);
        for (int k = 0; k < SLICES; k++) {
            AttributeList l = slice(k);
            if (!frameOfReference) {
                l.remove(TagFromName.FrameOfReferenceUID);
            }
            Files.write(folder.resolve("slice-" + (SLICES - k) + ".dcm"), DicomAttributes.toPart10(l));
        }
        return folder;
    }

    private static AttributeList slice(int k) throws Exception {
        AttributeList l = new AttributeList();
        DicomAttributes.put(l, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
        DicomAttributes.put(l, TagFromName.SOPInstanceUID, sopUid(k));
        DicomAttributes.put(l, TagFromName.StudyInstanceUID, STUDY);
        DicomAttributes.put(l, TagFromName.SeriesInstanceUID, SERIES);
        DicomAttributes.put(l, TagFromName.FrameOfReferenceUID, FRAME_OF_REFERENCE);
        DicomAttributes.put(l, TagFromName.PatientName, "Synthetic^Phantom");
        DicomAttributes.put(l, TagFromName.PatientID, "SYN-1");
        DicomAttributes.put(l, TagFromName.StudyDate, "20260101");
        DicomAttributes.put(l, TagFromName.StudyTime, "120000");
        DicomAttributes.put(l, TagFromName.Modality, "CT");
        DicomAttributes.put(l, TagFromName.InstanceNumber, String.valueOf(k + 1));
        double[] p = position(k);
        DicomAttributes.put(l, TagFromName.ImagePositionPatient, p[0], p[1], p[2]);
        DicomAttributes.put(l, TagFromName.ImageOrientationPatient, IOP[0], IOP[1], IOP[2], IOP[3], IOP[4], IOP[5]);
        DicomAttributes.put(l, TagFromName.PixelSpacing, 0.8, 0.6);
        DicomAttributes.put(l, TagFromName.SliceThickness, 3.0);
        DicomAttributes.put(l, TagFromName.SamplesPerPixel, 1);
        DicomAttributes.put(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        DicomAttributes.put(l, TagFromName.Rows, ROWS);
        DicomAttributes.put(l, TagFromName.Columns, COLUMNS);
        DicomAttributes.put(l, TagFromName.BitsAllocated, 16);
        DicomAttributes.put(l, TagFromName.BitsStored, 16);
        DicomAttributes.put(l, TagFromName.HighBit, 15);
        DicomAttributes.put(l, TagFromName.PixelRepresentation, 0);
        DicomAttributes.put(l, TagFromName.RescaleSlope, 1.0);
        DicomAttributes.put(l, TagFromName.RescaleIntercept, -1024.0);
        short[] px = new short[ROWS * COLUMNS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                px[y * COLUMNS + x] = (short) (1024 + 100 * k + 10 * y + x);
            }
        }
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(px);
        l.put(pixels);
        return l;
    }
}
