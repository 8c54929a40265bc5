package org.radlens.dicomio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.radlens.dicomio.derived.Code;

/** Runs the Debian reference tools (dciodvfy, /usr/bin/python3 + pydicom); tests skip with a message without them. */
public final class ExternalTools {
    static final String PYTHON = "/usr/bin/python3";

    public record Output(int exit, String text) {
    }

    private ExternalTools() {
    }

    public static void assumeDciodvfy() {
        assumeTrue(onPath("dciodvfy"), "dciodvfy (Debian dicom3tools) not installed: run ./bootstrap --test-tools");
    }

    public static void assumePydicom() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON)) && run(PYTHON, "-c", "import pydicom").exit() == 0;
        assumeTrue(ok, "/usr/bin/python3 with pydicom (Debian python3-pydicom) not installed: ./bootstrap --test-tools");
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** dciodvfy's lines that report errors ("Error - ..."). */
    public static List<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        Output o = run("dciodvfy", file.toString());
        List<String> errors = new ArrayList<>();
        for (String line : o.text().split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }

    /**
     * dciodvfy's warning lines, less those about (a) the private coding scheme 99RADLENS, which dciodvfy does not
     * know though our objects declare it in the Coding Scheme Identification Sequence, and (b) attributes listed in
     * {@code inherited} that our objects copy from the source unchanged (e.g. an absent Study ID).
     */
    public static List<String> dciodvfyWarnings(Path file, String... inherited)
            throws IOException, InterruptedException {
        Output o = run("dciodvfy", file.toString());
        List<String> warnings = new ArrayList<>();
        for (String line : o.text().split("\n")) {
            if (line.startsWith("Warning") && !line.contains("<" + Code.PRIVATE_SCHEME + ">")
                    && java.util.Arrays.stream(inherited).noneMatch(line::contains)) {
                warnings.add(line);
            }
        }
        return warnings;
    }

    public static void assumeDcmtk() {
        assumeTrue(onPath("dsrdump") && onPath("dsr2xml") && onPath("xml2dsr") && onPath("dcmdump"),
                "dcmtk (Debian dcmtk) not installed: run ./bootstrap --test-tools");
    }

    /**
     * dcmtk's SR round trip: dsrdump of the file, and dsrdump of the file rebuilt by xml2dsr from dsr2xml's XML;
     * both must succeed without warnings and print the same content tree (every item, code, value, coordinate and
     * reference). Returns the tree.
     */
    public static String dsrRoundTrip(Path sr, Path work) throws IOException, InterruptedException {
        Output dump = run("dsrdump", "-Ee", "+Pl", "+Pu", sr.toString());
        if (dump.exit() != 0 || dump.text().contains("W: ") || dump.text().contains("E: ")) {
            throw new AssertionError("dsrdump " + sr + " failed: " + dump.text());
        }
        Path xml = work.resolve(sr.getFileName() + ".xml");
        Path back = work.resolve(sr.getFileName() + ".back.dcm");
        Output x = run("dsr2xml", "+Ea", "+Wt", sr.toString(), xml.toString());
        Output d = run("xml2dsr", xml.toString(), back.toString());
        if (x.exit() != 0 || d.exit() != 0) {
            throw new AssertionError("dsr2xml/xml2dsr " + sr + ": " + x.text() + d.text());
        }
        Output again = run("dsrdump", "-Ee", "+Pl", "+Pu", back.toString());
        if (!tree(again.text()).equals(tree(dump.text()))) {
            throw new AssertionError("dsrdump differs after dsr2xml/xml2dsr:\n" + dump.text() + "\n---\n"
                    + again.text());
        }
        return tree(dump.text());
    }

    /** The content tree of a dsrdump (from its root item on; the header's person names lose a trailing ^ in XML). */
    private static String tree(String dsrdump) {
        int root = dsrdump.indexOf("\n<");
        return root < 0 ? dsrdump : dsrdump.substring(root + 1);
    }

    /**
     * dcmtk's round trip for an image object (SEG, SC): dcmdump reads it without errors or warnings, and the file
     * rebuilt by xml2dcm from dcm2xml's XML (binary values included) dumps to the same dataset, sequence length
     * encoding (undefined vs explicit) and the meta header aside.
     */
    public static void dcmtkRoundTrip(Path file, Path work) throws IOException, InterruptedException {
        Output dump = run("dcmdump", "-q", "+E", "+L", file.toString());
        if (dump.exit() != 0 || dump.text().contains("E: ") || dump.text().contains("W: ")) {
            throw new AssertionError("dcmdump " + file + ": " + dump.text());
        }
        Path xml = work.resolve(file.getFileName() + ".xml");
        Path back = work.resolve(file.getFileName() + ".back.dcm");
        Output x = run("dcm2xml", "+M", "+Wb", file.toString(), xml.toString());
        Output d = run("xml2dcm", xml.toString(), back.toString());
        if (x.exit() != 0 || d.exit() != 0) {
            throw new AssertionError("dcm2xml/xml2dcm " + file + ": " + x.text() + d.text());
        }
        String again = dataset(run("dcmdump", "-q", "+E", "+L", back.toString()).text());
        if (!again.equals(dataset(dump.text()))) {
            throw new AssertionError("dcmdump differs after dcm2xml/xml2dcm:\n" + dump.text() + "\n---\n" + again);
        }
    }

    /** A dcmdump without the meta header, item/sequence delimiters and the way sequence lengths were encoded. */
    private static String dataset(String dcmdump) {
        StringBuilder out = new StringBuilder();
        for (String line : dcmdump.split("\n")) {
            String t = line.strip();
            if (t.startsWith("(0002,") || t.startsWith("(fffe,") || t.startsWith("#")) {
                continue;
            }
            int sq = line.indexOf(" SQ (Sequence");
            out.append(sq < 0 ? line : line.substring(0, sq)).append('\n');
        }
        return out.toString();
    }

    public static Output python(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    public static Output run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in 60 s");
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
