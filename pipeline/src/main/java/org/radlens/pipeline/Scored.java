package org.radlens.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A film scored by {@link ScoringEngine} and the derived DICOM objects (empty arrays and "" when not made). */
public record Scored(ResultRow row, byte[] sr, byte[] seg, byte[] sc, String scUid) {
    /** The objects made, by SOP Instance UID: SR, then SEG, then SC. */
    public Map<String, byte[]> objects() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (sr.length > 0) {
            out.put(row.srUid(), sr);
        }
        if (seg.length > 0) {
            out.put(row.segUid(), seg);
        }
        if (sc.length > 0) {
            out.put(scUid, sc);
        }
        return out;
    }

    /** A refused or duplicate item: its row and no objects. */
    static Scored only(ResultRow row) {
        return new Scored(row, new byte[0], new byte[0], new byte[0], "");
    }

    /**
     * Writes {@link #objects()} as {@code dir/<uid>.dcm}, each atomically (a temporary file of this write only,
     * then a move); a failed write (a full disk) leaves no temporary file behind.
     */
    public List<Path> writeTo(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> o : objects().entrySet()) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(o.getKey() + ".dcm." + UUID.randomUUID() + ".tmp");
            try {
                Files.write(tmp, o.getValue());
                written.add(Files.move(tmp, dir.resolve(o.getKey() + ".dcm"),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return written;
    }
}
