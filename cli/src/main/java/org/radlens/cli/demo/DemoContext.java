package org.radlens.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The state that demo steps share: where the samples are, where results go, and the images read so far.
 * Not thread-safe; the demo runs its steps one after another.
 */
public final class DemoContext {
    private final Path samples;
    private final Path out;
    private final List<SampleImage> images = new ArrayList<>();

    public DemoContext(Path samples, Path out) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Folder with the bundled sample files. */
    public Path samples() {
        return samples;
    }

    /** Folder the demo writes its results into (created by the demo before the first step). */
    public Path out() {
        return out;
    }

    /** Adds an image that later steps can work on. */
    public void addImage(SampleImage image) {
        images.add(Objects.requireNonNull(image, "image"));
    }

    /** The images read so far, in reading order (unmodifiable view). */
    public List<SampleImage> images() {
        return Collections.unmodifiableList(images);
    }
}
