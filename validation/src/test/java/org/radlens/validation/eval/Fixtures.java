package org.radlens.validation.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small generated data sets (PNG images, masks, manifests) written into a temporary folder. */
final class Fixtures {
    private Fixtures() {
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A grey PNG of w × h whose pixel (x, y) is value(x, y) (0–255). */
    static Path png(Path file, int w, int h, java.util.function.IntBinaryOperator value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value.applyAsInt(x, y));
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /**
     * A zero-shot set: n images under images/, manifest.csv (image,label) with classes normal/pneumonia, and
     * scores.csv whose pneumonia score is informative but noisy. Returns the manifest.
     */
    static Path zeroShot(Path dir, int n, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder manifest = new StringBuilder("image,label,note\n");
        StringBuilder scores = new StringBuilder("image,normal,pneumonia\n");
        for (int i = 0; i < n; i++) {
            String img = "images/im" + i + ".png";
            png(dir.resolve(img), 8, 8, (x, y) -> (x * y) % 256);
            boolean sick = i % 3 != 0;
            double p = 1 / (1 + Math.exp(-(r.nextGaussian() + (sick ? 1.2 : -0.3))));
            manifest.append(img).append(',').append(sick ? "pneumonia" : "normal").append(",\"note, with comma\"\n");
            scores.append(img).append(',').append(1 - p).append(',').append(p).append('\n');
        }
        text(dir.resolve("scores.csv"), scores.toString());
        return text(dir.resolve("manifest.csv"), manifest.toString());
    }
}
