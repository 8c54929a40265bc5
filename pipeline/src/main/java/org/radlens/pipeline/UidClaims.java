package org.radlens.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Which item owns a SOP Instance UID in an output folder: the first item to claim a UID scores it and writes its
 * SR/SEG; any other item with the same UID becomes a {@code duplicate} row naming the owner, so two inputs with one
 * identity are never scored twice, never race on the same output file and never silently overwrite each other — for
 * any number of workers, threads, JVMs (Spark executors) or runs. A claim is the file {@code <dir>/<uid>} holding the
 * owner's item id, created by an atomic hard link (which fails when the name exists); claims persist with the output.
 */
public final class UidClaims {
    private final Path dir;

    /** Claims under {@code dir} (created on first use), e.g. {@code OUT/.claims}. */
    public UidClaims(Path dir) {
        this.dir = dir;
    }

    /** The claims folder. */
    public Path dir() {
        return dir;
    }

    /** The claims folder of an output folder. */
    public static UidClaims in(Path out) {
        return new UidClaims(out.resolve(".claims"));
    }

    /**
     * Claims {@code uid} for {@code id}: empty when {@code id} owns it (now or from before), else the owner's id.
     *
     * @throws IOException when the claim cannot be written (a full disk): the item is transient
     */
    public Optional<String> claim(String uid, String id) throws IOException {
        if (!uid.matches("[0-9.]{1,64}")) {
            throw new IOException("not a DICOM UID: '" + uid + "'");
        }
        Path target = dir.resolve(uid);
        if (!Files.exists(target)) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".claim-" + UUID.randomUUID());
            try {
                Files.writeString(tmp, id, StandardCharsets.UTF_8);
                Files.createLink(target, tmp);
                return Optional.empty();
            } catch (FileAlreadyExistsException e) {
                // another item claimed it meanwhile: read the owner below
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String owner = Files.readString(target, StandardCharsets.UTF_8);
        return owner.equals(id) ? Optional.empty() : Optional.of(owner);
    }
}
