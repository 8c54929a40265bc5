package org.radlens.dicomio;

import java.util.List;
import java.util.Objects;
import org.radlens.volume3d.VolumeGrid;

/**
 * A DICOM series as the source of derived objects (multi-frame SEG): the voxel grid the series' volume lives on,
 * one {@link SliceSource} per slice in the volume's slice order (slice k of the volume is {@code slices.get(k)}),
 * and the first slice's {@link SourceImage} for the study, series and frame of reference UIDs and the patient/study
 * attributes a derived object inherits (exposed as UIDs only).
 *
 * <pre>{@code
 * SeriesSource src = DicomSeries.readSources(Path.of("ct-folder"));          // headers only
 * byte[] seg = Segmentations.binaryVolume(src, mask, algorithm);            // mask on src.grid()
 * }</pre>
 *
 * @param reference the first slice (in volume order) of the series
 * @param grid      size and geometry (LPS, mm) of the volume {@link DicomSeries#readVolume} gives for the series
 * @param slices    per-slice references, {@code grid.nz()} of them, in the volume's k order; slice k's position
 *                  must lie within half a slice step of {@code grid.geometry().indexToWorld(0, 0, k)}
 */
public record SeriesSource(SourceImage reference, VolumeGrid grid, List<SliceSource> slices) {
    public SeriesSource {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(grid, "grid");
        slices = List.copyOf(slices);
        if (slices.size() != grid.nz()) {
            throw new IllegalArgumentException(slices.size() + " slice references for a grid of " + grid.nz()
                    + " slices");
        }
        for (int k = 0; k < slices.size(); k++) {
            double[] p = slices.get(k).imagePosition();
            double[] w = grid.geometry().indexToWorld(0, 0, k);
            double d = Math.sqrt((p[0] - w[0]) * (p[0] - w[0]) + (p[1] - w[1]) * (p[1] - w[1])
                    + (p[2] - w[2]) * (p[2] - w[2]));
            if (d > 0.5 * grid.geometry().spacing(2)) {
                throw new IllegalArgumentException("slice " + k + " " + slices.get(k) + " lies " + d
                        + " mm from the grid's slice position " + java.util.Arrays.toString(w));
            }
        }
    }

    /** (0020,000E) of the series. */
    public String seriesInstanceUid() {
        return reference.seriesInstanceUid();
    }
}
