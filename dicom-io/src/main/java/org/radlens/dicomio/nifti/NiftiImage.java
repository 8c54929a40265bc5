package org.radlens.dicomio.nifti;

import java.util.Objects;

/**
 * All voxels of a NIfTI file after scl_slope/scl_inter, as float in NIfTI (Fortran) order: x fastest, then y, z and
 * the volumes of dims 4..7 — so volume t of a 4D file starts at {@code t·nx·ny·nz}.
 *
 * @param header the header as stored
 * @param data   scaled voxels (not copied: a freshly read array owned by this record)
 */
public record NiftiImage(NiftiHeader header, float[] data) {
    public NiftiImage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(data, "data");
    }
}
