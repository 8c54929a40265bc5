package org.radlens.dicomio;

import java.util.Objects;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;

/**
 * A DICOM series read as a {@link Volume} together with its per-slice {@link SeriesSource} references
 * ({@code source.slices().get(k)} is the file behind slice k; {@code source.grid()} is the volume's grid).
 *
 * <pre>{@code
 * SourcedVolume sv = DicomSeries.readWithSources(Path.of("ct-folder"));
 * String uidOfSlice3 = sv.source().slices().get(3).sopInstanceUid();
 * }</pre>
 */
public record SourcedVolume(Volume volume, SeriesSource source) {
    public SourcedVolume {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(source, "source");
        VolumeGrid g = volume.grid();
        if (!g.equals(source.grid())) {
            throw new IllegalArgumentException("volume grid " + g + " differs from the source grid " + source.grid());
        }
    }
}
