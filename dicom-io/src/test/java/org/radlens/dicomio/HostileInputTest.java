package org.radlens.dicomio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,200 seeded mutations (byte flips, truncations, absurd 32-bit lengths, wrong magic) of the fixtures, each read
 * through {@link ImageFiles#readImage2D}: every one must end in a valid image or a checked
 * {@link ImageReadException} that names the file, within 10 s, without OutOfMemoryError or unchecked exceptions.
 */
class HostileInputTest {
    private static final String[] SOURCES = {"CT_small.dcm", "MR_small_RLE.dcm", "JPEG2000.dcm",
        "MR_small_jp2klossless.dcm", "SC_rgb_rle.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm", "rtdose_1frame.dcm",
        "SC_rgb_jpeg_dcmtk.dcm", "emri_small.dcm", "SC_rgb_small_odd.dcm", "anatomical.nii", "example_nifti2.nii.gz",
        "standard.nii.gz", "resampled_anat_moved.nii", "<png16>", "<jpeg>", "MR_small_jpeg_ls_lossless.dcm",
        "SC_rgb_rle.dcm", "JPEG-lossy.dcm"};
    private static final int VARIANTS = 1200;
    private static final long TIMEOUT_S = 10;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesEndInCheckedExceptionsOrValidImages() throws Exception {
        Random r = new Random(20261122);
        List<String> problems = new ArrayList<>();
        int ok = 0;
        int refused = 0;
        ExecutorService pool = Executors.newSingleThreadExecutor(t -> {
            Thread th = new Thread(t, "hostile-reader");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int n = 0; n < VARIANTS; n++) {
                String src = SOURCES[n % SOURCES.length];
                byte[] bytes = src.startsWith("<") ? raster(src) : Files.readAllBytes(TestData.fixture(src));
                String kind = mutate(bytes, r, n);
                Path f = dir.resolve(String.format("m%04d-%s-%s", n, kind, src.replaceAll("[<>]", "")));
                Files.write(f, mutated);
                String outcome = readOnce(pool, f);
                if (outcome.equals("ok")) {
                    ok++;
                } else if (outcome.equals("refused")) {
                    refused++;
                } else {
                    problems.add(f.getFileName() + ": " + outcome);
                }
                Files.delete(f);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("hostile input: %d variants, %d valid images, %d checked exceptions, %d problems%n",
                VARIANTS, ok, refused, problems.size());
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private byte[] mutated;

    /** A small generated PNG (16-bit grey) or JPEG (RGB) to mutate. */
    private static byte[] raster(String kind) throws java.io.IOException {
        boolean png = kind.equals("<png16>");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30,
                png ? java.awt.image.BufferedImage.TYPE_USHORT_GRAY : java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.getRaster().setSample(x, y, 0, (x * 997 + y * 31) % 255);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, png ? "png" : "jpeg", out);
        return out.toByteArray();
    }

    private String mutate(byte[] b, Random r, int n) {
        switch (n % 4) {
            case 0 -> {
                int flips = 1 + r.nextInt(16);
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                mutated = b;
                return "flip";
            }
            case 1 -> {
                mutated = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                return "trunc";
            }
            case 2 -> {
                int at = r.nextInt(Math.max(1, Math.min(b.length, 2048) - 4));
                int[] absurd = {0xFFFFFFF0, 0x7FFFFFFF, 0x40000000, 0xFFFF, -2};
                ByteBuffer.wrap(b).order(r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                        .putInt(at, absurd[r.nextInt(absurd.length)]);
                mutated = b;
                return "len";
            }
            default -> {
                int[] magic = {128, 129, 130, 131, 344, 345, 0, 1, 4, 5};
                for (int at : magic) {
                    if (at < b.length && r.nextBoolean()) {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                mutated = b;
                return "magic";
            }
        }
    }

    private static String readOnce(ExecutorService pool, Path f) throws InterruptedException {
        Future<String> fut = pool.submit(() -> {
            try {
                ImageFiles.readImage2D(f);
                return "ok";
            } catch (ImageReadException e) {
                return e.getMessage().contains(f.getFileName().toString()) ? "refused"
                        : "exception does not name the file: " + e.getMessage();
            }
        });
        try {
            return fut.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fut.cancel(true);
            return "no result within " + TIMEOUT_S + " s";
        } catch (ExecutionException e) {
            return "unchecked " + e.getCause();
        }
    }

}
