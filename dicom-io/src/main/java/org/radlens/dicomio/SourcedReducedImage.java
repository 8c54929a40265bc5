package org.radlens.dicomio;

import java.util.Objects;
import org.radlens.volume3d.ReducedImage;

/**
 * Frame 0 of a DICOM file, possibly at a reduced resolution, with the file's {@link SourceImage}, both from one read
 * ({@link DicomReader#readSourcedReduced}). {@code image().levels()} 0: the full read, as
 * {@link DicomReader#readSourcedImage} gives it.
 */
public record SourcedReducedImage(SourceImage source, ReducedImage image) {
    public SourcedReducedImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
    }
}
