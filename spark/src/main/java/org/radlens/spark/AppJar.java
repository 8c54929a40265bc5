package org.radlens.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application jar that executors on a cluster need: {@code radlens-spark-app.jar} (cli, pipeline, models, DJL,
 * ONNX Runtime, PixelMed; not Spark), built by {@code mvn -pl spark -am package} beside {@code radlens-spark.jar}.
 * In local modes executors share the driver's class path (local-cluster: the Spark home's {@code jars/}), so nothing
 * is shipped; {@code spark-submit} ships the jar it was given ({@code spark.jars}); for any other master (e.g.
 * {@code radlens score --master spark://HOST:7077} from {@code ./radlens}) the engine ships this jar.
 *
 * <pre>{@code
 * String jars = AppJar.sparkJars("spark://127.0.0.1:7077", System.getProperty("spark.jars"), AppJar.codeSource());
 * }</pre>
 */
final class AppJar {
    /** The shaded application jar's file name. */
    static final String NAME = "radlens-spark-app.jar";

    private AppJar() {
    }

    /**
     * The {@code spark.jars} value the engine sets for {@code master}, or null when it sets none: local modes, or
     * {@code configured} (the {@code spark.jars} already given) is non-blank.
     *
     * @param codeSource the jar or class folder this class was loaded from (see {@link #codeSource()})
     * @throws IllegalArgumentException when a cluster master needs the jar and it is not beside {@code codeSource}
     */
    static String sparkJars(String master, String configured, Path codeSource) {
        if (Masters.isLocal(master) || (configured != null && !configured.isBlank())) {
            return null;
        }
        if (codeSource.getFileName() != null && codeSource.getFileName().toString().equals(NAME)) {
            return codeSource.toAbsolutePath().toString();
        }
        Path jar = codeSource.toAbsolutePath().getParent().resolve(NAME);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--master " + master + ": the executors need the application jar "
                    + jar + ", which does not exist; build it with 'mvn -pl spark -am package' (or name the jars "
                    + "they need with -Dspark.jars=...)");
        }
        return jar.toString();
    }

    /** The jar or class folder {@link AppJar} was loaded from. */
    static Path codeSource() {
        try {
            return Path.of(AppJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the spark module's own location is not a file path", e);
        }
    }
}
