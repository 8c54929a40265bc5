package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts a package zip into a folder, refusing zip-slip names, too many entries, entries or totals beyond the caps
 * and zip-bomb compression ratios. The central directory is checked first, so a zip whose declared sizes break a cap
 * writes nothing; sizes are counted again while inflating (headers can lie), so a lying zip stops at the cap.
 */
final class SafeUnzip {
    /** An entry inflating to more than this many times its compressed size (and to more than 64 MiB) is a bomb. */
    static final long MAX_RATIO = 200;
    private static final long RATIO_FLOOR = 64L << 20;

    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    SafeUnzip(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Largest accepted entry, in bytes. */
    long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** Extracts {@code zip} into the empty folder {@code target}; on a refusal, part of it may be written there. */
    void extract(Path zip, Path target) throws ModelLoadException {
        String zipName = zip.getFileName().toString();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = checkDeclared(z, zipName, target);
            long total = 0;
            for (ZipEntry e : entries) {
                Path out = inside(target, zipName, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    total += copy(in, out, zipName, e.getName(), maxTotalBytes - total);
                }
            }
        } catch (IOException e) {
            throw new ModelLoadException(zipName + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    /** Checks count, names, declared sizes and ratios of every entry before anything is written. */
    private List<ZipEntry> checkDeclared(ZipFile z, String zipName, Path target) throws ModelLoadException {
        List<ZipEntry> entries = new ArrayList<>();
        long declared = 0;
        for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            if (entries.size() >= maxEntries) {
                throw new ModelLoadException(zipName + ": more than " + maxEntries + " entries; refusing to unpack");
            }
            inside(target, zipName, e.getName());
            long size = e.getSize();
            if (size > maxEntryBytes) {
                throw tooLarge(zipName, e.getName(), size);
            }
            long packed = e.getCompressedSize();
            if (size > RATIO_FLOOR && packed > 0 && size / packed > MAX_RATIO) {
                throw new ModelLoadException(zipName + ": entry '" + e.getName() + "' inflates " + packed + " bytes to "
                        + size + " (" + size / packed + ":1), far beyond any model file; refusing to unpack");
            }
            declared += Math.max(size, 0);
            if (declared > maxTotalBytes) {
                throw tooLargeInTotal(zipName);
            }
            entries.add(e);
        }
        return entries;
    }

    private static Path inside(Path target, String zipName, String name) throws ModelLoadException {
        try {
            return PackagePaths.resolveInside(target, name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
        } catch (ModelLoadException bad) {
            throw new ModelLoadException(zipName + ": entry '" + name + "' would be written outside the "
                    + "package folder (zip-slip); refusing to unpack", bad);
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
                    throw tooLarge(zipName, entry, written);
                }
                if (written > budget) {
                    throw tooLargeInTotal(zipName);
                }
                os.write(buf, 0, n);
            }
        }
        return written;
    }

    private ModelLoadException tooLarge(String zipName, String entry, long bytes) {
        return new ModelLoadException(zipName + ": entry '" + entry + "' is larger than " + maxEntryBytes
                + " bytes (" + bytes + " or more), the cap for one model file (" + PackageLimits.ENTRY_PROPERTY
                + "); refusing to unpack");
    }

    private ModelLoadException tooLargeInTotal(String zipName) {
        return new ModelLoadException(zipName + ": more than " + maxTotalBytes + " bytes uncompressed in total, the"
                + " cap for a model package (" + PackageLimits.TOTAL_PROPERTY + "); refusing to unpack");
    }
}
