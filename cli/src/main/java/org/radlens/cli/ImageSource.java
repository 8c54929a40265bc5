package org.radlens.cli;

import org.radlens.volume3d.Image2D;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one image file into an {@link Image2D} with raw values and geometry. The classify, ground and segment commands
 * take their images through this interface; {@link ImageSources#standard()} says which reader they use.
 */
@FunctionalInterface
public interface ImageSource {
    /** Reads {@code file}; fails with an {@link IOException} naming the file and the problem. */
    Image2D read(Path file) throws IOException;
}
