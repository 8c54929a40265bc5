package org.radlens.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile-input sweep with an outside mutator: Debian {@code zzuf} mutates one seed file per codec and format we read
 * (DICOM in every decodable transfer syntax, NIfTI {@code .nii}/{@code .nii.gz}/NIfTI-2, PNG, JPEG), {@value #PER_SEED}
 * files each, seeded ({@code -Dradlens.zzuf.seed=N}, default {@value #DEFAULT_SEED}), and the real launcher reads them
 * all in one JVM: {@code ./radlens info FILE...} (decodes every pixel), then {@code ./radlens classify} over the 2D
 * ones. Asserts 0 stack traces, 0 hangs (time limit), 0 JVM crashes (no hs_err file; exit 0, 1 or 2 only), no Java
 * class name in any message, and every file answered (a JSON record or one error line naming it). Beside dicom-io's
 * in-process {@code HostileInputTest}. Runs after {@code package} (cli's {@code launcher-it} execution).
 */
class ZzufSweepIT {
    static final int PER_SEED = 20;
    static final long DEFAULT_SEED = 20261207;
    private static final long LIMIT_SECONDS = 300;
    private static final Path HOME = Path.of(System.getProperty("radlens.home", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = HOME.resolve("dicom-io/src/test/resources/fixtures");
    /** Seed file and the first byte zzuf may change in half of its mutations (past magic numbers and preambles). */
    private static final List<Object[]> SEEDS = List.of(
            dicom("CT_small.dcm"), dicom("rtdose_1frame.dcm"), dicom("ExplVR_BigEnd.dcm"), dicom("image_dfl.dcm"),
            dicom("no_meta.dcm"), dicom("SC_rgb_jpeg.dcm"), dicom("MR_small_RLE.dcm"), dicom("SC_rgb_rle.dcm"),
            dicom("SC_rgb_jpeg_dcmtk.dcm"), dicom("JPEG-lossy.dcm"), dicom("SC_rgb_jpeg_gdcm.dcm"),
            dicom("MR_small_jpeg_ls_lossless.dcm"), dicom("JPEGLSNearLossless_16.dcm"),
            dicom("MR_small_jp2klossless.dcm"), dicom("JPEG2000.dcm"),
            new Object[] {FIXTURES.resolve("anatomical.nii"), 4}, new Object[] {FIXTURES.resolve("standard.nii.gz"), 4},
            new Object[] {FIXTURES.resolve("example_nifti2.nii.gz"), 4},
            new Object[] {HOME.resolve("models/src/test/resources/packages/tiny/reference/ref0.png"), 8},
            new Object[] {HOME.resolve("samples/kermany-normal-IM-0001-0001.jpg"), 2});
    private static final double[] RATIOS = {0.0005, 0.002, 0.005, 0.01};
    private static final Pattern STACK = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|^Caused by: "
            + "|\\.java:\\d+\\)");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|sun|jdk|com|org|ai)\\.[a-z]+\\.[\\w.]*|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b");

    private static Object[] dicom(String name) {
        return new Object[] {FIXTURES.resolve(name), 132};
    }

    @Test
    void mutatedFilesOfEveryFormatGiveMessagesNeverCrashes() throws Exception {
        assumeTrue(works("zzuf", "-V"), "zzuf is not installed (bootstrap --test-tools installs it; CI runs this test)");
        long seed = Long.getLong("radlens.zzuf.seed", DEFAULT_SEED);
        Path work = Files.createTempDirectory(Files.createDirectories(HOME.resolve("cli/target/zzuf-sweep")),
                "seed-" + seed + "-");
        Path in = Files.createDirectories(work.resolve("in"));
        long t0 = System.nanoTime();
        List<Path> files = mutate(in, seed);
        long t1 = System.nanoTime();
        Run info = launch(work, "info", files);
        checkRun(info, work);
        assertEquals(Set.copyOf(files), answered(info), "every file gets a JSON record or an error line");
        List<Path> twoD = files.stream().filter(f -> !f.toString().contains(".nii")).filter(f -> f.hashCode() % 3 == 0)
                .toList();
        Run classify = launch(work, "classify", twoD);
        checkRun(classify, work);
        long t2 = System.nanoTime();
        System.out.printf("zzuf sweep, seed %d: %d files (%d seeds x %d), %d read by info, %d through classify;"
                        + " mutate %.1f s, launcher runs %.1f s%n", seed, files.size(), SEEDS.size(), PER_SEED,
                info.out.split("\"file\":", -1).length - 1, twoD.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** {@value #PER_SEED} zzuf mutations of every seed; .nii.gz seeds are mutated inside the gzip stream too. */
    private static List<Path> mutate(Path dir, long seed) throws IOException, InterruptedException {
        List<Path> out = new ArrayList<>();
        for (int s = 0; s < SEEDS.size(); s++) {
            Path src = (Path) SEEDS.get(s)[0];
            int protect = (Integer) SEEDS.get(s)[1];
            String name = src.getFileName().toString();
            int dot = name.indexOf('.');
            boolean gz = name.endsWith(".gz");
            byte[] plain = gz ? gunzip(Files.readAllBytes(src)) : Files.readAllBytes(src);
            for (int i = 0; i < PER_SEED; i++) {
                long z = seed * 1000 + s * PER_SEED + i;
                boolean inside = i % 2 == 0;   // half past the magic/preamble, half anywhere
                boolean viaPlain = gz && i % 4 < 2;   // .nii.gz: mutate the NIfTI bytes, then gzip them again
                byte[] mutated = zzuf(viaPlain ? plain : Files.readAllBytes(src), z, RATIOS[i % RATIOS.length],
                        inside ? protect : 0);
                Path f = dir.resolve(name.substring(0, dot) + "-" + i + name.substring(dot));
                Files.write(f, viaPlain ? gzip(mutated) : mutated);
                out.add(f);
            }
        }
        return out;
    }

    private static byte[] zzuf(byte[] input, long seed, double ratio, int from) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder("zzuf", "-s", Long.toString(seed), "-r", Double.toString(ratio),
                "-b", from + "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream os = p.getOutputStream()) {
            os.write(input);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "zzuf failed");
        assertEquals(input.length, out.length, "zzuf flips bits, never changes the size");
        return out;
    }

    private record Run(String command, int exit, String out, String err) {
    }

    private static Run launch(Path work, String command, List<Path> files) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(work.resolve("tmp-" + command));
        List<String> cmd = new ArrayList<>(List.of("./radlens", command));
        files.forEach(f -> cmd.add(f.toString()));
        Path out = work.resolve(command + ".out");
        Path err = work.resolve(command + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().put("JAVA_OPTS", "-Xmx1g -Djava.io.tmpdir=" + tmp + " -XX:ErrorFile=" + work
                + "/hs_err_pid%p.log");
        Process p = pb.start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            List<String> e = Files.readAllLines(err);
            throw new AssertionError("radlens " + command + " hung (over " + LIMIT_SECONDS + " s); last lines: "
                    + e.subList(Math.max(0, e.size() - 3), e.size()));
        }
        return new Run(command, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void checkRun(Run r, Path work) throws IOException {
        assertTrue(r.exit == 0 || r.exit == 1 || r.exit == 2, r.command + " exit " + r.exit + " (134/139 = crash): "
                + tail(r.err));
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList());
        }
        Matcher st = STACK.matcher(r.out + r.err);
        if (st.find()) {
            fail(r.command + " printed a stack trace: " + around(r.out + r.err, st));
        }
        for (String line : r.err.split("\n")) {
            assertFalse(JAVA_NAME.matcher(line).find(), r.command + ": a Java class name in a message: " + line);
        }
    }

    /** Files named by info's JSON records and by its error lines. */
    private static Set<Path> answered(Run info) {
        Set<Path> seen = new HashSet<>();
        Matcher json = Pattern.compile("\"file\": \"([^\"]+)\"").matcher(info.out);
        while (json.find()) {
            seen.add(Path.of(json.group(1)));
        }
        Matcher err = Pattern.compile("(?m)^radlens info: (\\S+?): ").matcher(info.err);
        while (err.find()) {
            seen.add(Path.of(err.group(1)));
        }
        return seen;
    }

    private static String around(String text, Matcher m) {
        return text.substring(Math.max(0, m.start() - 300), Math.min(text.length(), m.end() + 300));
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 1500));
    }

    private static boolean works(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(plain);
        }
        return b.toByteArray();
    }
}
