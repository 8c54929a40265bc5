package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extracts a package zip into a private folder, refusing zip-slip names, too many entries and too many bytes. Sizes are
 * counted while inflating (headers can lie), so a zip bomb stops at the cap.
 */
final class SafeUnzip {
    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    SafeUnzip(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Extracts {@code zip} into the empty folder {@code target}. */
    void extract(Path zip, Path target) throws ModelLoadException {
        String zipName = zip.getFileName().toString();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > maxEntries) {
                    throw new ModelLoadException(zipName + ": more than " + maxEntries + " entries; refusing to unpack");
                }
                String name = e.getName();
                Path out;
                try {
                    out = PackagePaths.resolveInside(target, name.endsWith("/") ? name.substring(0, name.length() - 1)
                            : name);
                } catch (ModelLoadException bad) {
                    throw new ModelLoadException(zipName + ": entry '" + name + "' would be written outside the "
                            + "package folder (zip-slip); refusing to unpack", bad);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += copy(in, out, zipName, name, maxTotalBytes - total);
            }
        } catch (IOException e) {
            throw new ModelLoadException(zipName + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    private long copy(InputStream in, Path out, String zipName, String entry, long budget)
            throws IOException, ModelLoadException {
        long written = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream os = Files.newOutputStream(out)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                written += n;
                if (written > maxEntryBytes) {
                    throw new ModelLoadException(zipName + ": entry '" + entry + "' is larger than " + maxEntryBytes
                            + " bytes; refusing to unpack");
                }
                if (written > budget) {
                    throw new ModelLoadException(zipName + ": more than " + maxTotalBytes
                            + " bytes uncompressed in total; refusing to unpack");
                }
                os.write(buf, 0, n);
            }
        }
        return written;
    }
}
