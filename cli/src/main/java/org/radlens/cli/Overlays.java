package org.radlens.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * PNG files of overlays (pixels from pipeline's {@link org.radlens.pipeline.render.OverlayRenderer}: grey image, heat
 * map and boxes, mask outlines) and the file names the commands give them.
 */
public final class Overlays {
    private Overlays() {
    }

    /** Writes {@code image} as a PNG (parent folders created). */
    public static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer");
        }
    }

    /** A file-name-safe form of a query or file name. */
    public static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return t.isEmpty() ? "x" : t.substring(0, Math.min(40, t.length()));
    }

    /** File name without extension. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
