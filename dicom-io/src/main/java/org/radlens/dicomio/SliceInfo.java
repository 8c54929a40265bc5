package org.radlens.dicomio;

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
        return new SliceInfo(f.path, h, SourceImage.sopClassUid(f.list), SourceImage.sopInstanceUid(f.list), n,
                p[0] * n[0] + p[1] * n[1] + p[2] * n[2]);
    }

    /** The reference a derived object makes to this slice. */
    SliceSource source() throws CorruptFileException {
        if (sopClassUid.isEmpty() || sopInstanceUid.isEmpty()) {
            throw new CorruptFileException(file, "SOP Class or SOP Instance UID is missing (dataset and meta header)");
        }
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
