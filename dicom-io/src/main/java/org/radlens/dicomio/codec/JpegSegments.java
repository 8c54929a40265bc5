package org.radlens.dicomio.codec;

import java.nio.file.Path;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;

/**
 * The marker segments of a JPEG stream up to its scan (T.81 B.1: SOI, then marker + length-prefixed segments), for
 * our JPEG decoders ({@link JpegExtendedDecoder}, {@link JpegLosslessDecoder}): each checks SOI and the segment
 * bounds here and only handles the markers it knows.
 */
final class JpegSegments {
    /** One marker segment: its marker and payload {@code [seg, end)}; true at the segment that ends the walk (SOS). */
    interface Handler {
        boolean segment(int marker, int seg, int end) throws ImageReadException;
    }

    private JpegSegments() {
    }

    /**
     * Hands every segment of {@code b} after SOI to {@code handler} until it returns true.
     *
     * @param what names the stream in errors, e.g. {@code "JPEG lossless frame"}
     * @throws CorruptFileException no SOI, a malformed segment, or no segment that ends the walk (file named)
     */
    static void walk(Path file, byte[] b, String what, Handler handler) throws ImageReadException {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            throw new CorruptFileException(file, what + " does not start with SOI");
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            int marker = u16(b, pos);
            int len = u16(b, pos + 2);
            if ((marker & 0xff00) != 0xff00 || len < 2 || pos + 2 + len > b.length) {
                throw new CorruptFileException(file, what + ": marker segment at byte " + pos + " is malformed");
            }
            if (handler.segment(marker, pos + 4, pos + 2 + len)) {
                return;
            }
            pos += 2 + len;
        }
        throw new CorruptFileException(file, what + " has no scan");
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
