package org.radlens.dicomio;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Plain words for what a decoder or the file system threw: what is wrong with the data, never a Java class name or a
 * library's wrapper text ("An uncaught runtime exception has occurred"). Used wherever a third-party failure becomes
 * part of a message that names the file, e.g. {@code cannot parse: the data ends early (truncated)}.
 *
 * <pre>{@code
 * throw new CorruptFileException(path, "cannot parse: " + ReadFailures.describe(e), e);
 * }</pre>
 */
public final class ReadFailures {
    /** A qualified or camel-case Java exception name, with the ": " that follows it. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?"
                    + "|\\b(?:[A-Z][a-z0-9]+){1,6}(?:Exception|Error)\\b(?::\\s*)?");
    /** Wrapper texts that say nothing about the data. */
    private static final Pattern NOISE = Pattern.compile(
            "(?i)an uncaught runtime exception has occurred\\.?|an error has occured during decoding\\.?");

    private ReadFailures() {
    }

    /**
     * The failure in plain words: the outermost message, then the innermost cause when it adds something, with the
     * decoder that threw when that is known. Messages contained in another are given once.
     */
    public static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        String decoder = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 12; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String p = plain(t);
            if (!p.isEmpty() && parts.stream().noneMatch(q -> q.contains(p))) {
                parts.removeIf(p::contains);   // keep the more specific text once
                parts.add(p);
            }
            decoder = decoder != null ? decoder : decoder(t);
        }
        if (thrownByUs(e)) {
            decoder = null;   // our own message already says what failed, and an inner describe named the decoder
        }
        String text = parts.isEmpty() ? "malformed data the decoder could not follow"
                : parts.size() == 1 ? parts.get(0) : parts.get(0) + " (" + parts.get(parts.size() - 1) + ")";
        return decoder == null ? text : decoder + ": " + text;
    }

    /** One throwable's message in plain words ("" when it only wraps another). */
    static String plain(Throwable t) {
        String kind = kind(t);
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof FileSystemException f) {
            m = f.getReason() == null ? "" : f.getReason();
        }
        m = NOISE.matcher(CLASS_NAME.matcher(m).replaceAll("")).replaceAll("").replaceAll("\\s+", " ").trim();
        if (m.startsWith("(") && m.endsWith(")")) {
            m = m.substring(1, m.length() - 1).trim();
        }
        m = m.replaceFirst("^caused by\\s*", "");
        if (t instanceof OutOfMemoryError) {
            m = "";
        }
        if (kind == null) {
            return m;
        }
        return m.isEmpty() || kind.contains(m) ? kind : kind + " (" + m + ")";
    }

    /** Plain words for exceptions whose type says more than their message, else null. */
    private static String kind(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return "no such file";
        } else if (t instanceof AccessDeniedException) {
            return "permission denied";
        } else if (t instanceof NotDirectoryException) {
            return "not a folder";
        } else if (t instanceof EOFException) {
            return "the data ends early (truncated)";
        } else if (t instanceof ZipException || t instanceof DataFormatException) {
            return "the compressed (deflate/gzip) stream is corrupt";
        } else if (t instanceof IndexOutOfBoundsException || t instanceof NegativeArraySizeException
                || t instanceof java.nio.BufferUnderflowException || t instanceof java.nio.BufferOverflowException) {
            return "a length or offset in the data points outside it";
        } else if (t instanceof ArithmeticException) {
            return "a size in the data is out of range";
        } else if (t instanceof NumberFormatException) {
            return "a number in the data is malformed";
        } else if (t instanceof OutOfMemoryError) {
            return "too large to decode in the memory available";
        } else if (t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IllegalStateException || t instanceof UnsupportedOperationException) {
            // in a decoder these mean hostile data; in our own code, a bug: say so instead
            return thrownByUs(t) ? (t.getMessage() == null ? "an internal error (please report it)" : null)
                    : "malformed data the decoder could not follow";
        }
        return null;
    }

    private static boolean thrownByUs(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length > 0 && st[0].getClassName().startsWith("org.radlens.");
    }

    /** The decoder that threw, from the top frame of a library we know, else null. */
    private static String decoder(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        String top = st.length == 0 ? "" : st[0].getClassName();
        if (top.startsWith("com.github.jaiimageio.jpeg2000") || top.startsWith("jj2000")) {
            return "JPEG 2000 decoder";
        } else if (top.startsWith("com.sun.imageio.plugins.jpeg")) {
            return "JPEG decoder";
        } else if (top.startsWith("com.sun.imageio.plugins.png")) {
            return "PNG decoder";
        } else if (top.startsWith("com.pixelmed.imageio") || top.startsWith("com.pixelmed.codec")) {
            return "JPEG lossless decoder";
        }
        return null;
    }
}
