package org.radlens.models.testing;

import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixtures: the model packages under {@code src/test/resources/packages} and small image helpers. */
public final class TestPackages {
    private TestPackages() {
    }

    /** Folder of a test package ({@code synthetic}, {@code tiny}). */
    public static Path dir(String name) {
        try {
            var url = TestPackages.class.getResource("/packages/" + name + "/radlens-model.json");
            if (url == null) {
                throw new IllegalStateException("test package " + name + " is not on the test classpath");
            }
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a test package exists. */
    public static boolean exists(String name) {
        return TestPackages.class.getResource("/packages/" + name + "/radlens-model.json") != null;
    }

    /** A writable copy of a test package in {@code target}. */
    public static Path copy(String name, Path target) {
        Path src = dir(name);
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** An 8- or 16-bit grey PNG as an Image2D with raw sample values. */
    public static Image2D readGreyPng(Path png) {
        try {
            BufferedImage bi = ImageIO.read(png.toFile());
            Raster r = bi.getRaster();
            int w = bi.getWidth();
            int h = bi.getHeight();
            float[] v = r.getSamples(0, 0, w, h, 0, new float[w * h]);
            return Image2D.gray(w, h, v, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Little-endian float32 file. */
    public static float[] readFloats(Path bin) {
        try {
            byte[] b = Files.readAllBytes(bin);
            float[] f = new float[b.length / 4];
            java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Max |a − b|, failing on length mismatch. */
    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
