package org.radlens.models.cache;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A folder of immutable entries, {@code root/area/key}, each written once: a filler writes into a fresh private folder
 * beside the entry ({@code area/.tmp-key-*}), which is then renamed into place in one atomic step. A reader therefore
 * sees a complete entry or none; when two processes fill the same key at once, the first rename wins and the loser's
 * copy is deleted. A filler that fails leaves nothing behind.
 *
 * <pre>{@code
 * Path dir = DiskCache.standard().entry("packages", sha256, tmp -> unzip(zip, tmp));
 * }</pre>
 */
public final class DiskCache {
    /** System property naming the cache folder. */
    public static final String PROPERTY = "radlens.cache";
    /** Environment variable naming the cache folder (when the property is unset). */
    public static final String ENV = "RADLENS_CACHE";

    private final Path root;

    /** A cache in {@code root} (created on first write). */
    public DiskCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * The user's cache: {@code -Dradlens.cache}, else {@code $RADLENS_CACHE}, else {@code $XDG_CACHE_HOME/radlens},
     * else {@code ~/.cache/radlens}.
     */
    public static DiskCache standard() {
        String dir = System.getProperty(PROPERTY);
        if (blank(dir)) {
            dir = System.getenv(ENV);
        }
        if (blank(dir)) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            dir = blank(xdg) ? Path.of(System.getProperty("user.home"), ".cache", "radlens").toString()
                    : Path.of(xdg, "radlens").toString();
        }
        return new DiskCache(Path.of(dir));
    }

    /** The cache folder. */
    public Path root() {
        return root;
    }

    /** Where {@code area/key} lives (whether or not it exists yet). */
    public Path path(String area, String key) {
        checkName(area);
        checkName(key);
        return root.resolve(area).resolve(key);
    }

    /** Writes the contents of a new entry into the empty folder it is given. */
    @FunctionalInterface
    public interface Filler<E extends Exception> {
        void fill(Path folder) throws IOException, E;
    }

    /** The folder of {@code area/key}, filled by {@code filler} first when it does not exist yet. */
    public <E extends Exception> Path entry(String area, String key, Filler<E> filler) throws IOException, E {
        Path target = path(area, key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), ".tmp-" + key + "-");
        try {
            filler.fill(temp);
            publish(temp, target);
        } finally {
            deleteTree(temp);
        }
        return target;
    }

    /** Renames {@code temp} to {@code target}; when another process got there first, its entry stays. */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("cache names are single plain folder names, not '" + name + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "DiskCache[" + root + "]";
    }
}
