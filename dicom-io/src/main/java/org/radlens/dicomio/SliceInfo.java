package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;

/**
 * One file of a series: its header, its SOP Class/Instance UIDs, and its position projected on the slice normal
 * (mm).
 */
record SliceInfo(Path file, DicomHeader header, String sopClassUid, String sopInstanceUid, double[] normal,
                 double along) {

    static SliceInfo of(DicomFile f) throws ImageReadException {
        DicomHeader h = f.header;
        if (h.imagePosition() == null || h.imageOrientation() == null) {
            throw new InvalidGeometryException(java.util.List.of(f.path),
                    "slice lacks ImagePositionPatient or ImageOrientationPatient");
        }
        if (h.frames() != 1) {
            throw new InvalidGeometryException(java.util.List.of(f.path), "multi-frame file inside a series folder");
        }
        double[] d = DicomGeometry.direction(h.imageOrientation());
        double[] n = {d[2], d[5], d[8]};
        double[] p = h.imagePosition();
        return new SliceInfo(f.path, h, text(f, TagFromName.SOPClassUID), text(f, TagFromName.SOPInstanceUID), n,
                p[0] * n[0] + p[1] * n[1] + p[2] * n[2]);
    }

    private static String text(DicomFile f, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(f.list, tag).trim();
    }

    /** The reference a derived object makes to this slice. */
    SliceSource source() {
        return new SliceSource(sopClassUid, sopInstanceUid, header.imagePosition());
    }

    /** Series UID plus orientation rounded to 1e-4. */
    String groupKey() {
        double[] o = header.imageOrientation();
        StringBuilder sb = new StringBuilder(header.seriesInstanceUid());
        for (double v : o) {
            sb.append('|').append(Math.round(v * 1e4));
        }
        return sb.toString();
    }
}
