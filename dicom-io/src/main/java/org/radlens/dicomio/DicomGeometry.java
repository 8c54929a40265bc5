package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import org.radlens.volume3d.VoxelGeometry;

/**
 * DICOM geometry → {@link VoxelGeometry} (LPS, mm). Column axis i = ImageOrientationPatient[0..2] (along a row),
 * row axis j = [3..5], k = i × j. Spacing i = PixelSpacing[1], j = PixelSpacing[0]; without PixelSpacing,
 * ImagerPixelSpacing (CR/DX: at the detector, not corrected for magnification); without either, 1 mm.
 * Without orientation, identity axes; without position, origin 0. Slice spacing for single frames is
 * SliceThickness (or 1 mm); stacks take it from positions instead.
 */
final class DicomGeometry {
    private static final double[] IDENTITY_IOP = {1, 0, 0, 0, 1, 0};

    private DicomGeometry() {
    }

    /** Geometry of frame {@code frame} as a 2D image at its own position. */
    static VoxelGeometry frame(DicomHeader h, AttributeList l, int frame) {
        double[] ps = h.pixelSpacing();
        double thickness = h.sliceThickness() > 0 ? h.sliceThickness() : 1;
        double[] spacing = {ps == null ? 1 : ps[1], ps == null ? 1 : ps[0], thickness};
        double[] dir = direction(h.imageOrientation());
        double[] origin = framePosition(h, l, frame);
        return VoxelGeometry.of(spacing, origin == null ? new double[3] : origin, dir);
    }

    /** Row-major direction matrix from an orientation (identity when absent or not orthonormal). */
    static double[] direction(double[] iop) {
        double[] o = iop == null ? IDENTITY_IOP : iop;
        double[] r = normalize(o[0], o[1], o[2]);
        double[] c = normalize(o[3], o[4], o[5]);
        if (r == null || c == null || Math.abs(r[0] * c[0] + r[1] * c[1] + r[2] * c[2]) > 1e-3) {
            r = new double[] {1, 0, 0};
            c = new double[] {0, 1, 0};
        }
        double[] n = normal(r, c);
        return new double[] {r[0], c[0], n[0], r[1], c[1], n[1], r[2], c[2], n[2]};
    }

    /** Cross product of the row and column direction cosines: the slice normal. */
    static double[] normal(double[] r, double[] c) {
        return new double[] {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
    }

    /**
     * LPS position of pixel (0, 0) of {@code frame}: per-frame Plane Position (enhanced objects), else
     * ImagePositionPatient plus GridFrameOffsetVector along the normal (RT Dose), else ImagePositionPatient for
     * frame 0 and null for later frames.
     */
    static double[] framePosition(DicomHeader h, AttributeList l, int frame) {
        return new FramePositions(h, l).of(frame);
    }

    /** Every frame's {@link #framePosition}, reading GridFrameOffsetVector once instead of once per frame. */
    static double[][] framePositions(DicomHeader h, AttributeList l) {
        FramePositions p = new FramePositions(h, l);
        double[][] out = new double[h.frames()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.of(i);
        }
        return out;
    }

    /** What {@link #framePosition} needs beyond the per-frame groups, read once per object. */
    private static final class FramePositions {
        private final AttributeList l;
        private final double[] ipp;
        private final double[] offsets;
        /** Null unless both ImagePositionPatient and GridFrameOffsetVector are there. */
        private final double[] direction;

        FramePositions(DicomHeader h, AttributeList l) {
            this.l = l;
            this.ipp = h.imagePosition();
            this.offsets = DicomAttributes.doubles(l, new com.pixelmed.dicom.AttributeTag(0x3004, 0x000C),
                    h.frames());
            this.direction = ipp != null && offsets != null ? direction(h.imageOrientation()) : null;
        }

        double[] of(int frame) {
            double[] p = DicomAttributes.frameGroupValue(l, TagFromName.PerFrameFunctionalGroupsSequence,
                    TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient, 3, frame);
            if (p != null) {
                return p;
            }
            if (direction != null) {
                double o = offsets[frame] - offsets[0];
                double[] d = direction;
                return new double[] {ipp[0] + d[2] * o, ipp[1] + d[5] * o, ipp[2] + d[8] * o};
            }
            return frame == 0 ? ipp : null;
        }
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return n > 1e-6 ? new double[] {x / n, y / n, z / n} : null;
    }
}
