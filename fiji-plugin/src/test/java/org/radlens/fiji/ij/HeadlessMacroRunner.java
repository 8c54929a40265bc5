package org.radlens.fiji.ij;

import java.nio.file.Files;
import java.nio.file.Path;
import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs an ImageJ 1 macro truly headless (no X server) through ij1-patcher: {@code ImageJ-dir macro.ijm argument}.
 * ImageJ-dir holds {@code plugins/} with the RadLens plugin jar. Started by {@link RealImageJTest} in a child JVM
 * with {@code --add-opens java.base/java.lang=ALL-UNNAMED} and {@code -Djava.awt.headless=true}.
 */
public final class HeadlessMacroRunner {
    private HeadlessMacroRunner() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("plugins.dir", args[0]);
        LegacyEnvironment ij1 = new LegacyEnvironment(HeadlessMacroRunner.class.getClassLoader(), true);
        ij1.runMacro(Files.readString(Path.of(args[1])), args[2]);
        System.exit(0);
    }
}
