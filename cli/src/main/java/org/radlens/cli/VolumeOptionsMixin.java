package org.radlens.cli;

import org.radlens.models.volume.Pooling;
import org.radlens.models.volume.VolumeEncoder;
import org.radlens.models.volume.VolumeOptions;
import org.radlens.volume3d.Plane;
import picocli.CommandLine.Option;

/** Options for volume inputs (DICOM series folders, NIfTI): slicing axis, pooling, threads. */
final class VolumeOptionsMixin {
    @Option(names = "--axis", defaultValue = "AXIAL", description = "Volumes: slice plane of the volume's own axes, "
            + "AXIAL (k), CORONAL (j) or SAGITTAL (i). Default: ${DEFAULT-VALUE}.")
    Plane axis;

    @Option(names = "--pooling", paramLabel = "MEAN|MAX|ATTENTION",
            description = "Volumes (classify): slice-embedding pooling. Default: the package's, else MEAN.")
    Pooling pooling;

    @Option(names = "--threads", defaultValue = "1", description = "Volumes: encoder worker threads. "
            + "Default: ${DEFAULT-VALUE}.")
    int threads;

    VolumeOptions options() {
        return new VolumeOptions(axis, 8, threads);
    }

    Pooling pooling(VolumeEncoder encoder) {
        return pooling != null ? pooling : encoder.defaultPooling();
    }
}
