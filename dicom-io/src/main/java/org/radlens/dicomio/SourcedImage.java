package org.radlens.dicomio;

import java.util.Objects;
import org.radlens.volume3d.Image2D;

/**
 * Frame 0 of a DICOM file with the file's {@link SourceImage} (UIDs, patient/study attributes for derived objects),
 * both from one read and parse of the file ({@link DicomReader#readSourcedImage}).
 */
public record SourcedImage(SourceImage source, Image2D image) {
    public SourcedImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
    }
}
