package org.radlens.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real launcher ({@code ./radlens}, the packaged jar and {@code target/lib}) as a user runs it; runs after
 * {@code package} (surefire execution {@code launcher-it} in cli/pom.xml). Each run gets a private, empty
 * {@code TMPDIR} / {@code java.io.tmpdir} that must still be empty afterwards, and must leave no
 * {@code /tmp/mat-debug-<pid>.log} (ONNX Runtime 1.29's telemetry wrote one per start).
 */
class LauncherIT {
    private static final Path HOME = Path.of(System.getProperty("radlens.home", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLE = HOME.resolve("samples/kermany-normal-IM-0001-0001.jpg");
    private static final long LIMIT_SECONDS = 600;

    private Path work;
    private Path privateTmp;
    /** When this test began: a /tmp/mat-debug-PID.log older than that is another process's (PIDs are reused). */
    private long startedMillis;

    @BeforeEach
    void setUp() throws IOException {
        Path target = HOME.resolve("cli/target");
        assertTrue(Files.isRegularFile(target.resolve("radlens-cli.jar")), "run after package: " + target);
        Files.createDirectories(target.resolve("launcher-it"));
        work = Files.createTempDirectory(target.resolve("launcher-it"), "run-");
        privateTmp = Files.createDirectories(work.resolve("tmp"));
        startedMillis = System.currentTimeMillis() - 2_000;   // file-system timestamps may be coarse
    }

    @Test
    void twoHundredInputsWithLongPathsRunWithoutACrash() throws Exception {
        StringBuilder deep = new StringBuilder();
        while (deep.length() < 160) {
            deep.append("a-deep-folder-of-chest-x-rays/");
        }
        Path dir = Files.createDirectories(work.resolve("in").resolve(deep.toString()));
        List<String> cmd = new ArrayList<>(List.of("./radlens", "classify", "--finding", "pneumonia"));
        for (int i = 0; i < 200; i++) {
            Path link = Files.createSymbolicLink(dir.resolve(String.format("image-%03d-%s.jpg", i, "x".repeat(40))),
                    SAMPLE);
            assertTrue(link.toString().length() >= 200, link.toString());
            cmd.add(link.toString());
        }
        assertTrue(String.join(" ", cmd).length() > 40_000, "the command line is far beyond the 4 KB that crashed");
        Result r = run(cmd, work.resolve("classify.out"));
        assertEquals(0, r.exit, "exit code (139 = SIGSEGV): " + r.tail());
        List<String> rows = Files.readAllLines(r.out).stream().filter(l -> l.contains("\tpneumonia\t")).toList();
        assertEquals(200, rows.size(), r.tail());
        assertNoLitter(List.of(r.pid));
    }

    @Test
    void classifyAndScoreConnectToNothingButLoopbackAndLocalSockets() throws Exception {
        assumeTrue(straceWorks(), "strace is not installed or cannot trace here (bootstrap --test-tools installs it;"
                + " CI runs this test)");
        Path folder = Files.createDirectories(work.resolve("folder"));
        for (String s : List.of("kermany-normal-IM-0001-0001.jpg", "kermany-pneumonia-person100_bacteria_475.jpg",
                "covid-notes-329_637.dcm")) {
            Files.copy(HOME.resolve("samples").resolve(s), folder.resolve(s));
        }
        Path classifyTrace = work.resolve("classify.strace");
        Result c = run(traced(classifyTrace, "./radlens", "classify", folder.resolve("covid-notes-329_637.dcm")
                .toString(), SAMPLE.toString()), work.resolve("classify.out"));
        assertEquals(0, c.exit, c.tail());
        Path scoreTrace = work.resolve("score.strace");
        Result s = run(traced(scoreTrace, "./radlens", "score", folder.toString(), "--out",
                work.resolve("scored").toString()), work.resolve("score.out"));
        assertEquals(0, s.exit, s.tail());
        assertEquals(4, Files.readAllLines(work.resolve("scored/results.csv")).size(), "header + 3 rows");
        for (Path trace : List.of(classifyTrace, scoreTrace)) {
            assertTrue(Files.readString(trace).contains("+++ exited with 0 +++"), "strace saw the processes end");
            assertEquals(List.of(), connects(trace).stream().filter(l -> !local(l)).toList(), trace.toString());
            assertNoLitter(tracedPids(trace));
        }
    }

    /** A connect() to a unix socket, loopback, or AF_UNSPEC (which dissolves a UDP association) is local. */
    static boolean local(String connectLine) {
        Matcher m = Pattern.compile("sa_family=(AF_[A-Z0-9]+)").matcher(connectLine);
        if (!m.find()) {
            return false;
        }
        return switch (m.group(1)) {
            case "AF_UNIX", "AF_UNSPEC" -> true;
            case "AF_INET" -> connectLine.contains("inet_addr(\"127.");
            case "AF_INET6" -> connectLine.contains("\"::1\"") || connectLine.contains("\"::ffff:127.");
            default -> false;
        };
    }

    private static List<String> connects(Path trace) throws IOException {
        try (Stream<String> lines = Files.lines(trace)) {
            return lines.filter(l -> l.contains("connect(")).toList();
        }
    }

    /** Every process and thread id in an strace -f log (the first field of each line). */
    private static List<Long> tracedPids(Path trace) throws IOException {
        try (Stream<String> lines = Files.lines(trace)) {
            return lines.map(l -> l.split(" ", 2)[0]).filter(f -> f.matches("[0-9]+")).map(Long::valueOf).distinct()
                    .toList();
        }
    }

    private static List<String> traced(Path trace, String... command) {
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-q", "-e", "trace=connect",
                "-o", trace.toString()));
        cmd.addAll(List.of(command));
        return cmd;
    }

    private static boolean straceWorks() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("strace", "-f", "-qq", "-e", "trace=connect", "-o", "/dev/null", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private record Result(int exit, long pid, Path out) {
        String tail() throws IOException {
            List<String> l = Files.readAllLines(out);
            return String.join("\n", l.subList(Math.max(0, l.size() - 15), l.size()));
        }
    }

    private Result run(List<String> command, Path out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("TMPDIR", privateTmp.toString());
        pb.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + privateTmp);
        pb.environment().remove("ORT_DISABLE_TELEMETRY");   // the launcher sets it; the pinned ORT must not need it
        Process p = pb.start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out after " + LIMIT_SECONDS + " s: " + command.subList(0, 2));
        }
        return new Result(p.exitValue(), p.pid(), out);
    }

    private void assertNoLitter(List<Long> pids) throws IOException {
        try (Stream<Path> left = Files.list(privateTmp)) {
            assertEquals(List.of(), left.toList(), "files left in the private TMPDIR / java.io.tmpdir");
        }
        try (Stream<Path> left = Files.list(Path.of("/tmp"))) {
            List<Path> mat = left.filter(p -> p.getFileName().toString().startsWith("mat-debug-"))
                    .filter(this::writtenDuringThisTest).toList();
            for (long pid : pids) {
                assertFalse(mat.contains(Path.of("/tmp/mat-debug-" + pid + ".log")), "left by our process: " + mat);
            }
        }
    }

    private boolean writtenDuringThisTest(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis() >= startedMillis;
        } catch (IOException gone) {
            return false;
        }
    }
}
