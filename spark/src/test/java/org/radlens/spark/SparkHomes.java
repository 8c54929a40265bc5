package org.radlens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Test Spark distributions made of the jars the build already has. */
final class SparkHomes {
    private SparkHomes() {
    }

    /**
     * Makes {@code home} a Spark home as a cluster has it: {@code RELEASE} and {@code jars/} linking the jars of
     * {@code lib} (Spark and everything else the build copied) whose classes are not all inside {@code appJar}; what
     * the application jar holds (our modules, DJL, ONNX Runtime, PixelMed, ...) stays out.
     */
    static void withoutApplication(Path home, Path lib, Path appJar) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark 3.5.8 (RadLens test cluster: spark/target/lib without the "
                + "application jar's contents)\n");
        Set<String> app = classes(appJar);
        try (Stream<Path> s = Files.list(lib)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Set<String> own = classes(jar);
                if (own.isEmpty() || !app.containsAll(own)) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
    }

    /** The class entries of a jar, outside META-INF and without module-info. */
    static Set<String> classes(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            Set<String> names = new HashSet<>();
            z.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .forEach(names::add);
            return names;
        }
    }
}
