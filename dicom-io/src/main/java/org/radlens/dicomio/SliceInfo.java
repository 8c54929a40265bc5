package org.radlens.dicomio;

import java.nio.file.Path;

/** One file of a series: its header, and its position projected on the slice normal (mm). */
record SliceInfo(Path file, DicomHeader header, double[] normal, double along) {

    static SliceInfo of(Path file, DicomHeader h) throws ImageReadException {
        if (h.imagePosition() == null || h.imageOrientation() == null) {
            throw new InvalidGeometryException(java.util.List.of(file),
                    "slice lacks ImagePositionPatient or ImageOrientationPatient");
        }
        if (h.frames() != 1) {
            throw new InvalidGeometryException(java.util.List.of(file), "multi-frame file inside a series folder");
        }
        double[] d = DicomGeometry.direction(h.imageOrientation());
        double[] n = {d[2], d[5], d[8]};
        double[] p = h.imagePosition();
        return new SliceInfo(file, h, n, p[0] * n[0] + p[1] * n[1] + p[2] * n[2]);
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
