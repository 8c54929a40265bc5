package org.radlens.validation.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a zero-shot evaluation reads from the manifest: the image and label columns and the classes (each label
 * must be one of them; each class must occur at least once).
 *
 * @param imageColumn column with image paths (relative to the manifest's folder)
 * @param labelColumn column with the true class name
 * @param classes     classes with optional prompts, in report order
 */
public record ZeroShotSpec(String imageColumn, String labelColumn, List<ClassPrompts> classes) {
    public ZeroShotSpec {
        classes = List.copyOf(classes);
    }

    /** Checks columns, classes, labels and files; every problem is listed with its row. */
    public void validate(Manifest m) throws ManifestException {
        m.requireColumns(imageColumn, labelColumn);
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (classes.size() < 2) {
            problems.add("--classes needs at least two classes, got " + classes.size());
        }
        for (ClassPrompts c : classes) {
            if (!names.add(c.name())) {
                problems.add("class '" + c.name() + "' is listed twice");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Manifest.Row r : m.rows()) {
            String label = r.get(labelColumn);
            seen.add(label);
            if (!names.contains(label)) {
                problems.add("line " + r.line() + ": label '" + label + "' is not one of the classes " + names);
            }
        }
        for (ClassPrompts c : classes) {
            if (!seen.contains(c.name())) {
                problems.add("class '" + c.name() + "' never occurs in column " + labelColumn);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(m.file() + ": labels do not match the classes", problems);
        }
        m.requireFiles(imageColumn);
    }

    /** Position of a class name, -1 when absent. */
    int indexOf(String name) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
