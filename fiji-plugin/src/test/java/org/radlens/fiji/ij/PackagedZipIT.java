package org.radlens.fiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImageJ;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The built Fiji zip, installed as the README says into a bare ImageJ 1 folder ({@code plugins/} + its {@code jars/}
 * moved to {@code plugins/jars/}), run with nothing but {@code ij.jar} on the classpath under Xvfb: every command of
 * {@code all-commands.ijm} must work from the packaged jars alone. Runs in the integration-test phase (after
 * {@code package}); skipped when xvfb-run or the zip is missing.
 */
class PackagedZipIT {
    @Test
    void theZipInstalledInABareImageJRunsEveryCommand() throws Exception {
        assumeTrue(ImageJProcesses.hasXvfbRun(), "xvfb-run is not installed: packaged-zip test skipped");
        Path zip = Path.of(System.getProperty("radlens.fijiZip", "target/missing.zip"));
        assumeTrue(Files.exists(zip), "no " + zip + " (run `mvn package`)");
        Path home = ImageJProcesses.freshDir("zip/ImageJ");
        unzip(zip, home);
        Files.move(home.resolve("jars"), home.resolve("plugins/jars"));
        Path ijJar = Path.of(ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = ImageJProcesses.freshDir("zip/out");
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Duser.home=" + home.resolve("home"), "-Dradlens.home=" + ImageJProcesses.ROOT,
                "-Dplugins.dir=" + home, "-cp", ijJar.toString(), "ij.ImageJ", "-batch",
                ImageJProcesses.MACROS.resolve("all-commands.ijm").toString(),
                out + "|" + ImageJProcesses.ROOT + "|gui"));
        Path log = out.resolve("imagej.log");
        assertEquals(0, ImageJProcesses.run(cmd, log), "ImageJ did not finish: " + log);
        MacroOutputs.check(out, log);
        assertTrue(Files.exists(home.resolve("plugins/RadLens_Plugin-" + version(zip) + ".jar")));
    }

    private static String version(Path zip) {
        String n = zip.getFileName().toString();
        return n.substring("RadLens_Plugin-".length(), n.length() - "-fiji.zip".length());
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target);
                }
            }
        }
    }
}
