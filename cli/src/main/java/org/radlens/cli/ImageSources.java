package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageReadException;
import org.radlens.volume3d.Image2D;

/**
 * The image readers of the command line. {@link #standard()} is the one place that chooses the reader of the
 * classify, ground, segment and demo commands: dicom-io's {@link ImageFiles#readImage2D(Path)}, which detects the
 * format from the file's bytes (DICOM, NIfTI, PNG, JPEG) and keeps raw values and geometry.
 */
public final class ImageSources {
    private ImageSources() {
    }

    /** The reader the commands use by default. */
    public static ImageSource standard() {
        return ImageSources::read;
    }

    /** Reads any supported image file; failures become an {@link IOException} whose message names the file. */
    public static Image2D read(Path file) throws IOException {
        try {
            return ImageFiles.readImage2D(file);
        } catch (ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
