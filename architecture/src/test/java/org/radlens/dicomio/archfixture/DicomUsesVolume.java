package org.radlens.dicomio.archfixture;

import org.radlens.volume3d.VoxelGeometry;

/** Allowed: dicom-io importing volume3d. */
public class DicomUsesVolume {
    public VoxelGeometry geometry() {
        return VoxelGeometry.planar(0.2, 0.2);
    }
}
