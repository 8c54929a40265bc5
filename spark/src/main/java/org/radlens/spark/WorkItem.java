package org.radlens.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.radlens.pipeline.FileInputs;

/** A serialisable {@link FileInputs.Item}: the stable item id and the file's absolute path (as seen by executors). */
public record WorkItem(String id, String path) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static WorkItem of(FileInputs.Item item) {
        return new WorkItem(item.id(), item.file().toAbsolutePath().normalize().toString());
    }

    public FileInputs.Item toItem() {
        return new FileInputs.Item(id, Path.of(path));
    }
}
