package org.radlens.models.pkg;

import org.radlens.models.ModelLoadException;

import java.util.Locale;

/**
 * Size caps for a model package: bytes per member file and in total, by default {@value #DEFAULT_TOTAL} in total
 * (an ONNX protobuf file cannot exceed 2 GiB either) and the total per file. Set with the system properties
 * {@value #TOTAL_PROPERTY} / {@value #ENTRY_PROPERTY} or the environment variables {@value #TOTAL_ENV} /
 * {@value #ENTRY_ENV}: bytes, or a number with {@code k}, {@code m} or {@code g} (binary units), e.g. {@code 6g}.
 */
record PackageLimits(long maxEntryBytes, long maxTotalBytes) {
    static final String TOTAL_PROPERTY = "radlens.model.maxBytes";
    static final String ENTRY_PROPERTY = "radlens.model.maxEntryBytes";
    static final String TOTAL_ENV = "RADLENS_MODEL_MAX_BYTES";
    static final String ENTRY_ENV = "RADLENS_MODEL_MAX_ENTRY_BYTES";
    static final long DEFAULT_TOTAL = 2L << 30;
    static final int MAX_ENTRIES = 1000;

    PackageLimits {
        if (maxEntryBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("caps must be positive: " + maxEntryBytes + ", " + maxTotalBytes);
        }
    }

    /** The caps of this process (properties, then environment, then the defaults). */
    static PackageLimits standard() throws ModelLoadException {
        long total = setting(TOTAL_PROPERTY, TOTAL_ENV, DEFAULT_TOTAL);
        return new PackageLimits(setting(ENTRY_PROPERTY, ENTRY_ENV, total), total);
    }

    /** An unzipper that applies these caps. */
    SafeUnzip unzip() {
        return new SafeUnzip(MAX_ENTRIES, maxEntryBytes, maxTotalBytes);
    }

    private static long setting(String property, String env, long fallback) throws ModelLoadException {
        String v = System.getProperty(property);
        String from = property;
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
            from = env;
        }
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return parseSize(v);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(from + ": '" + v + "' is not a size (bytes, or a number with k, m or g)", e);
        }
    }

    /** Bytes from {@code 123}, {@code 64k}, {@code 512m}, {@code 2g} (binary units). */
    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        long n = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1));
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size out of range: " + text);
        }
        return n << shift;
    }
}
