package org.radlens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compressed transfer syntaxes of issue 15's realistic workload, encoded with the real tools exactly as
 * {@code validation/bench/make-workload} calls them (dcmtk, GDCM's {@code gdcmconv}); {@code gdcm}: whether dicom-io
 * decodes the syntax through GDCM when it is installed ({@code NativeImages}; RLE and JPEG Lossless stay on our own
 * decoders);
 * {@code pureJavaCap}: the heap cap, in pixel bytes above the baseline, that the pure-Java decode is held to: 3 (the
 * target) where it is met; JPEG 2000 without GDCM goes through PixelMed and jai-imageio (JJ2000), which keep the
 * codestream's decoded state live beside the pixels: the target is not met there, and the cap guards against it getting worse (figures in validation/README.md, issue 15).
 * A pure-Java decoder of ours for a syntax, in the {@code FrameDecoders} registry, makes it 3.
 */
enum CompressedFilm {
    JPEG_LOSSLESS_SV1("JPEG Lossless SV1", "1.2.840.10008.1.2.4.70", false, 3, "dcmcjpeg", "+e1"),
    JPEG_LS_LOSSLESS("JPEG-LS Lossless", "1.2.840.10008.1.2.4.80", true, 3, "dcmcjpls", "+el"),
    JPEG2000_LOSSLESS("JPEG 2000 Lossless", "1.2.840.10008.1.2.4.90", true, 7, "gdcmconv", "-K"),
    JPEG2000_LOSSY("JPEG 2000 (lossy, 10:1)", "1.2.840.10008.1.2.4.91", true, 6, "gdcmconv", "-K", "-Y", "-r", "10"),
    RLE("RLE Lossless", "1.2.840.10008.1.2.5", false, 3, "dcmcrle");

    final String label;
    final String uid;
    final boolean gdcm;
    final int pureJavaCap;
    private final List<String> command;

    CompressedFilm(String label, String uid, boolean gdcm, int pureJavaCap, String... command) {
        this.label = label;
        this.uid = uid;
        this.gdcm = gdcm;
        this.pureJavaCap = pureJavaCap;
        this.command = List.of(command);
    }

    /** The encoder's name when it is not on the PATH ({@code ./bootstrap --test-tools} installs dcmtk and libgdcm-tools). */
    Optional<String> missingTool() {
        String tool = command.get(0);
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
        return found ? Optional.empty() : Optional.of(tool);
    }

    /** {@code in} (uncompressed) encoded as {@code out}; fails with the tool's output when it does not exit 0. */
    Path encode(Path in, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(in.toString());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !Files.isRegularFile(out)) {
            throw new IOException(String.join(" ", cmd) + " failed: " + log.strip());
        }
        return out;
    }
}
