package org.radlens.dicomio;

import java.nio.file.Path;
import java.util.List;

/**
 * Files cannot form one geometry-correct volume (missing slices, uneven spacing, mixed orientations, mixed series,
 * gantry tilt...). The message says why and names the files involved (at most 5, then a count).
 */
public class InvalidGeometryException extends ImageReadException {
    private final transient List<Path> files;

    public InvalidGeometryException(List<Path> files, String why) {
        super(files.isEmpty() ? Path.of("") : files.get(0), why + " " + describe(files));
        this.files = List.copyOf(files);
    }

    /** All files involved. */
    public List<Path> files() {
        return files;
    }

    private static String describe(List<Path> files) {
        StringBuilder sb = new StringBuilder("(files: ");
        for (int i = 0; i < Math.min(5, files.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(files.get(i).getFileName());
        }
        if (files.size() > 5) {
            sb.append(" and ").append(files.size() - 5).append(" more");
        }
        return sb.append(')').toString();
    }
}
