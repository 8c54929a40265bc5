package org.radlens.validation.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.radlens.validation.metrics.BinaryMask;

/**
 * Reads a reference mask file: voxels equal to {@code label} (or any non-zero voxel when {@code label} is
 * negative). {@link ImageIoFiles} reads PNG; the integrator may pass a dicom-io backed reader for NIfTI/DICOM SEG.
 */
@FunctionalInterface
public interface MaskReader {
    BinaryMask read(Path file, int label) throws IOException;
}
