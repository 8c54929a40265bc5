package org.radlens.pipeline;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Expands files, folders (recursively) and globs ({@code data/**}{@code /*.dcm}) into items whose id is the path
 * relative to its input root (a folder, or the glob's fixed prefix; a plain file's id is its file name), with
 * {@code /} separators. Hidden files and our own output folder are skipped, and so are files found in folders that
 * are recognisably not images: content not DICOM/NIfTI/PNG/JPEG <em>and</em> an extension that is not an image
 * extension (a {@code README.md} beside the images). Files without an extension (DICOM often has none) and files
 * named on the command line are always kept, so a corrupt image still becomes an error row. Items are sorted by id.
 */
public final class FileInputs {
    /** One input file and its stable id. */
    public record Item(String id, Path file) {
    }

    private FileInputs() {
    }

    public static List<Item> expand(List<String> inputs, Path exclude) throws IOException {
        TreeMap<String, Item> items = new TreeMap<>();
        for (String in : inputs) {
            for (Item it : expandOne(in, exclude)) {
                items.putIfAbsent(it.id(), it);
            }
        }
        return new ArrayList<>(items.values());
    }

    private static List<Item> expandOne(String input, Path exclude) throws IOException {
        int glob = firstGlobChar(input);
        if (glob < 0) {
            Path p = Path.of(input);
            if (Files.isRegularFile(p)) {
                return List.of(new Item(p.getFileName().toString(), p));
            }
            if (!Files.isDirectory(p)) {
                throw new NoSuchFileException(input, null, "no such file, folder or glob match");
            }
            return walk(p, p, null, exclude);
        }
        int slash = input.lastIndexOf('/', glob);
        Path root = slash < 0 ? Path.of(".") : Path.of(input.substring(0, Math.max(1, slash)));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + input.substring(slash + 1));
        return walk(root, root, m, exclude);
    }

    private static List<Item> walk(Path root, Path dir, PathMatcher matcher, Path exclude) throws IOException {
        List<Item> out = new ArrayList<>();
        Path ex = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = root.relativize(p);
                boolean hidden = rel.toString().startsWith(".") || rel.toString().contains("/.");
                boolean excluded = ex != null && p.toAbsolutePath().normalize().startsWith(ex);
                if (Files.isRegularFile(p) && !hidden && !excluded && (matcher == null || matcher.matches(rel))
                        && !notAnImage(p)) {
                    out.add(new Item(rel.toString().replace('\\', '/'), p));
                }
            }
        }
        return out;
    }

    private static final java.util.Set<String> IMAGE_EXTENSIONS = java.util.Set.of("dcm", "dicom", "ima", "nii",
            "gz", "hdr", "img", "png", "jpg", "jpeg");

    /** A file whose bytes are no image format and whose extension is not an image extension. */
    static boolean notAnImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || IMAGE_EXTENSIONS.contains(name.substring(dot + 1))) {
            return false;
        }
        return org.radlens.dicomio.ImageFormat.detect(p) == org.radlens.dicomio.ImageFormat.UNKNOWN;
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
