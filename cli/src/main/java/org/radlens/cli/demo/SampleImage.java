package org.radlens.cli.demo;

import java.nio.file.Path;
import java.util.Objects;
import org.radlens.volume3d.Image2D;

/**
 * A sample file and the image read from it.
 *
 * @param file  the file it came from
 * @param image its pixels, raw values
 */
public record SampleImage(Path file, Image2D image) {
    public SampleImage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(image, "image");
    }
}
