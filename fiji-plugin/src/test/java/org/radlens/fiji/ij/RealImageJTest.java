package org.radlens.fiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every RadLens command run by a real ImageJ 1.54p from {@code all-commands.ijm}: once under Xvfb (ImageJ -batch,
 * AWT available, ROI Manager), once truly headless through ij1-patcher. ImageJ exits 0 even when a macro fails, so
 * only the files the macro writes count. The Xvfb test is skipped (with a message) when xvfb-run is missing.
 */
class RealImageJTest {
    private static final String XVFB_MISSING = "xvfb-run is not installed: real-ImageJ GUI test skipped "
            + "(install the Debian package xvfb, e.g. ./bootstrap --test-tools)";

    @BeforeAll
    static void install() throws IOException {
        ImageJProcesses.installPlugin();
    }

    @Test
    void everyCommandRunsFromAMacroInImageJUnderXvfb() throws Exception {
        assumeTrue(ImageJProcesses.hasXvfbRun(), XVFB_MISSING);
        Path out = ImageJProcesses.freshDir("xvfb");
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
        cmd.addAll(ImageJProcesses.java());
        cmd.addAll(List.of("ij.ImageJ", "-batch", ImageJProcesses.MACROS.resolve("all-commands.ijm").toString(),
                out + "|" + ImageJProcesses.ROOT + "|gui"));
        Path log = out.resolve("imagej.log");
        assertEquals(0, ImageJProcesses.run(cmd, log), "ImageJ did not finish: " + log);
        MacroOutputs.check(out, log);
        int boxes = Files.readAllLines(out.resolve("ground-overlay.csv")).size() - 1;
        assertEquals(String.valueOf(boxes), Files.readString(out.resolve("roi-count.txt")).trim(),
                "every grounding box is in the ROI Manager");
    }

    @Test
    void theSameMacroRunsTrulyHeadlessThroughIj1Patcher() throws Exception {
        Path out = ImageJProcesses.freshDir("headless");
        List<String> cmd = ImageJProcesses.java("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.awt.headless=true");
        cmd.addAll(List.of(HeadlessMacroRunner.class.getName(), ImageJProcesses.IJ_DIR.toString(),
                ImageJProcesses.MACROS.resolve("all-commands.ijm").toString(),
                out + "|" + ImageJProcesses.ROOT + "|headless"));
        Path log = out.resolve("imagej.log");
        assertEquals(0, ImageJProcesses.run(cmd, log), "headless ImageJ did not finish: " + log);
        MacroOutputs.check(out, log);
        assertFalse(Files.exists(out.resolve("roi-count.txt")));
    }

    @Test
    void screenshotOfARealImageJWindowShowsTheHeatMapOverlay() throws Exception {
        assumeTrue(ImageJProcesses.hasXvfbRun(), XVFB_MISSING);
        Path out = ImageJProcesses.freshDir("screenshot");
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
        cmd.addAll(ImageJProcesses.java());
        cmd.addAll(List.of("ij.ImageJ", "-macro", ImageJProcesses.MACROS.resolve("gui-screenshot.ijm").toString(),
                out + "|" + ImageJProcesses.ROOT));
        Path log = out.resolve("imagej.log");
        ImageJProcesses.run(cmd, log); // the GUI may need killing after Quit: judge by the files
        assertTrue(Files.exists(out.resolve("gui-done.txt")), "GUI macro did not finish, see " + log);
        Screenshots.check(out.resolve("plain.png"), out.resolve("overlay.png"), out.resolve("window.txt"));
    }

    /** Opens an image the macro wrote. */
    static ImagePlus open(Path p) {
        ImagePlus imp = IJ.openImage(p.toString());
        assertTrue(imp != null, "cannot open " + p);
        return imp;
    }
}
