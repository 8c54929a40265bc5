package org.radlens.dicomio;

import com.pixelmed.dicom.DicomException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReadFailuresTest {
    /** A Java class name, qualified or a camel-case *Exception / *Error. */
    static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|sun|com|org)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b");

    private static String plain(Throwable t) {
        String s = ReadFailures.describe(t);
        assertFalse(JAVA_NAME.matcher(s).find(), s);
        assertFalse(s.toLowerCase().contains("uncaught"), s);
        return s;
    }

    @Test
    void theIssuesJpeg2000ChainBecomesItsCause() {
        RuntimeException wrapped = new RuntimeException("An uncaught runtime exception has occurred",
                new DicomException("Unexpected DICOM tag (0xdffe,0xe000) in encapsulated data"));
        assertEquals("Unexpected DICOM tag (0xdffe,0xe000) in encapsulated data", plain(wrapped));
        RuntimeException asText = new RuntimeException("java.lang.RuntimeException: An uncaught runtime exception has"
                + " occurred (caused by Unexpected DICOM tag (0xdffe,0xe000))");
        assertEquals("Unexpected DICOM tag (0xdffe,0xe000)", plain(asText));
    }

    @Test
    void typesWithoutUsefulMessagesGetPlainWords() {
        assertEquals("the data ends early (truncated)", plain(new EOFException()));
        assertEquals("a length or offset in the data points outside it (Index 9 out of bounds for length 4)",
                plain(new ArrayIndexOutOfBoundsException("Index 9 out of bounds for length 4")));
        NullPointerException inDecoder = new NullPointerException();
        inDecoder.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.pixelmed.dicom.AttributeList", "read", null, 1)});
        assertEquals("malformed data the decoder could not follow", plain(inDecoder));
        assertEquals("an internal error (please report it)", plain(new NullPointerException()));
        assertEquals("no such file", plain(new NoSuchFileException("/data/x.dcm")));
        assertEquals("too large to decode in the memory available", plain(new OutOfMemoryError("Java heap space")));
        assertEquals("malformed data the decoder could not follow", plain(new RuntimeException()));
    }

    @Test
    void classNamesInsideMessagesAreDropped() {
        assertEquals("bad length 7", plain(new IOException("java.lang.IllegalArgumentException: bad length 7")));
        assertEquals("the data ends early (truncated) (Unexpected end of ZLIB input stream)",
                plain(new IOException(new EOFException("Unexpected end of ZLIB input stream"))));
    }

    @Test
    void aDecoderIsNamedFromWhereItThrew() {
        RuntimeException e = new RuntimeException("Bogus marker length");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.sun.imageio.plugins.jpeg.JPEGImageReader", "readImage", null, 1)});
        assertEquals("JPEG decoder: Bogus marker length", plain(e));
    }
}
