package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.radlens.dicomio.codec.EncapsulatedFrames;
import org.radlens.dicomio.codec.FrameDecoder;
import org.radlens.dicomio.codec.FrameLayout;
import org.radlens.dicomio.codec.NativeFrames;

/**
 * One DICOM file parsed by PixelMed behind our edge: bytes are read once, prescanned for absurd lengths
 * ({@link DicomPrescan}), then parsed once, with the pixel data decoded by the decoder its transfer syntax chooses.
 * Every PixelMed failure becomes a checked {@link ImageReadException} naming the file.
 */
final class DicomFile {
    /** Largest file we read into memory. */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** Largest decoded pixel data we allocate for one file. */
    static final long MAX_DECODED_BYTES = 1L << 30;
    /** Files above this size whose pixel data ends the file are opened from their head ({@link #openStreamed}). */
    static final long STREAM_ABOVE = 4L << 20;
    /** The head read for {@link #openStreamed}: everything before the pixel data must be in it. */
    static final int HEAD_BYTES = 512 << 10;
    private static final Logger PIXELMED_LOG = Logger.getLogger("com.pixelmed");

    static {
        PIXELMED_LOG.setLevel(Level.OFF); // PixelMed logs recoverable oddities at INFO/SEVERE; we throw instead
    }

    final Path path;
    final AttributeList list;
    final DicomHeader header;
    /**
     * The whole file when grey native pixels are read straight from it ({@link #rawOffset}), or the grey frames GDCM
     * or our frame decoder decoded (offset 0, {@link CompressedGrey}), else null.
     */
    final byte[] raw;
    final int rawOffset;
    /**
     * Where the grey native pixels of a large file start in the file at {@link #path}, when they were left on disk
     * ({@link #openStreamed}: {@link GreyFrames} reads them in chunks straight into the float frame); else -1.
     */
    final long pixelFileOffset;

    private DicomFile(Path path, AttributeList list, DicomHeader header, byte[] raw, int rawOffset,
                      long pixelFileOffset) {
        this.path = path;
        this.list = list;
        this.header = header;
        this.raw = raw;
        this.rawOffset = rawOffset;
        this.pixelFileOffset = pixelFileOffset;
    }

    /**
     * Like {@code open(path, true)}, but for uncompressed little-endian grey 8/16-bit data parses only the header
     * and keeps the file bytes, so {@link GreyFrames} converts pixels straight from them (no second copy). Which of
     * the two it is, the prescan says before the one parse.
     */
    static DicomFile openForImages(Path path) throws ImageReadException {
        return openForImages(path, true);
    }

    /**
     * {@link #openForImages(Path)}; with {@code allowNative} grey JPEG lossless, JPEG-LS and JPEG 2000 frames are
     * decoded by GDCM's native codec when it is installed ({@link NativeImages}), else by our pure-Java decoders
     * (grey RLE, JPEG-LS and JPEG Extended straight into one native array, {@link CompressedGrey}).
     */
    static DicomFile openForImages(Path path, boolean allowNative) throws ImageReadException {
        DicomFile streamed = openStreamed(path, STREAM_ABOVE);
        return streamed != null ? streamed : openWhole(path, allowNative);
    }

    /**
     * A file of more than {@code above} bytes whose last element is uncompressed little-endian grey 8/16-bit Pixel
     * Data, opened from its first {@link #HEAD_BYTES} only (prescan and header parse): the pixel bytes stay on disk,
     * so the file is never in memory beside its float frame (issue 15: peak heap of scoring a film). Null for any
     * other file, and when the head does not hold everything before the pixel data.
     */
    static DicomFile openStreamed(Path path, long above) throws ImageReadException {
        long size = size(path);
        if (size <= above) {
            return null;
        }
        byte[] head = readHead(path, (int) Math.min(size, HEAD_BYTES));
        DicomPrescan.Result scan = DicomPrescan.scanHead(path, head, size);
        if (scan == null || !greyNative(scan, scan.layout())) {
            return null;
        }
        AttributeList list = parse(path, head, scan, false, false);
        DicomHeader h = DicomHeader.read(list, scan.transferSyntaxUid());
        return greyNative(scan, h.layout()) ? new DicomFile(path, list, h, null, -1, scan.pixelOffset()) : null;
    }

    /** {@link #openForImages(Path, boolean)} with the whole file read. */
    static DicomFile openWhole(Path path, boolean allowNative) throws ImageReadException {
        Scanned in = scanned(path);
        DicomPrescan.Result scan = in.scan();
        if (greyNative(scan, scan.layout())) {
            AttributeList list = parse(path, in.bytes(), scan, false, false);
            DicomHeader h = DicomHeader.read(list, scan.transferSyntaxUid());
            if (greyNative(scan, h.layout())) {
                return new DicomFile(path, list, h, in.bytes(), scan.pixelOffset(), -1);
            }
            // only when the prescan's reading of the pixel module and PixelMed's differ (malformed files): the pixel
            // data is needed after all
        }
        if (!in.repaired() && scan.layout().greyBytes() && scan.encapsulatedOffset() >= 0) {
            AttributeList list = parse(path, in.bytes(), scan, false, false);
            DicomHeader h = DicomHeader.read(list, scan.transferSyntaxUid());
            byte[][] file = {in.bytes()};
            in = null; // the file's bytes are let go while the frames decode (CompressedGrey)
            byte[] decoded = CompressedGrey.decode(path, h, scan, file, allowNative);
            if (decoded != null) {
                return new DicomFile(path, list, h, decoded, 0, -1);
            }
            in = file[0] != null ? new Scanned(file[0], scan, false) : scanned(path);
        }
        return open(path, in.bytes(), in.scan(), true);
    }

    /** The header parse (no pixel data) of a file already read and prescanned, for {@link ReducedReads}. */
    static DicomFile header(Path path, byte[] bytes, DicomPrescan.Result scan) throws ImageReadException {
        AttributeList list = parse(path, bytes, scan, false, false);
        return new DicomFile(path, list, DicomHeader.read(list, scan.transferSyntaxUid()), null, -1, -1);
    }

    /** Uncompressed little-endian grey 8/16-bit pixel data that the file holds whole. */
    private static boolean greyNative(DicomPrescan.Result scan, FrameLayout l) {
        TransferSyntax t = TransferSyntax.byUid(scan.transferSyntaxUid());
        return (t == TransferSyntax.EXPLICIT_LE || t == TransferSyntax.IMPLICIT_LE) && scan.pixelOffset() > 0
                && l.greyBytes() && l.rows() > 0 && l.columns() > 0 && l.frames() <= 100_000
                && scan.pixelLength() >= (long) l.rows() * l.columns() * l.frames() * l.bytesPerSample();
    }

    /** Parses {@code path}; with {@code pixels} false stops before the pixel data (headers only, fast). */
    static DicomFile open(Path path, boolean pixels) throws ImageReadException {
        Scanned in = scanned(path);
        return open(path, in.bytes(), in.scan(), pixels);
    }

    /** The whole object as stored: pixel data read, compressed frames kept as they are (for {@link DicomCopies}). */
    static AttributeList readAsStored(Path path) throws ImageReadException {
        Scanned in = scanned(path);
        return parse(path, in.bytes(), in.scan(), true, false);
    }

    /** A file's bytes and their prescan; {@code repaired}: the bytes were rebuilt, they are not the file's. */
    private record Scanned(byte[] bytes, DicomPrescan.Result scan, boolean repaired) {
    }

    /**
     * Reads and prescans {@code path}; a dataset in implicit VR under an explicit VR transfer syntax is rebuilt as a
     * consistent file first ({@link ImplicitVrRepair}), as pydicom reads it.
     */
    private static Scanned scanned(Path path) throws ImageReadException {
        byte[] bytes = readBytes(path);
        DicomPrescan.Result scan = DicomPrescan.scan(path, bytes);
        boolean repair = scan.implicitVrDataset();
        if (repair) {
            bytes = ImplicitVrRepair.asConsistent(path, bytes, scan);
            scan = DicomPrescan.scan(path, bytes);
        }
        return new Scanned(bytes, scan, repair);
    }

    /**
     * The one parse. With pixels, the decoder is chosen first, from the transfer syntax and the pixel module the
     * prescan read ({@link TransferSyntax#frameDecoder}): one of ours decodes the encapsulated frames after the parse,
     * else PixelMed decompresses during it; what neither can decode is refused before parsing ({@link DecoderLimits}).
     */
    private static DicomFile open(Path path, byte[] bytes, DicomPrescan.Result scan, boolean pixels)
            throws ImageReadException {
        String ts = scan.transferSyntaxUid();
        TransferSyntax syntax = TransferSyntax.byUid(ts);
        FrameDecoder ours = null;
        if (pixels) {
            if (syntax == null || !syntax.decodable()) {
                throw new UnsupportedFormatException(path, ts, "cannot decode pixel data");
            }
            refuseLimitation(path, scan.layout());
            ours = syntax.frameDecoder(scan.layout()).orElse(null);
        }
        AttributeList list = parse(path, bytes, scan, pixels, pixels && ours == null);
        DicomHeader h = DicomHeader.read(list, ts);
        if (pixels) {
            refuseLimitation(path, h.layout());
            checkPixelModule(path, h, list, scan);
        }
        if (ours != null) {
            if (scan.encapsulatedOffset() < 0) {
                throw new CorruptFileException(path, "compressed pixel data is not encapsulated");
            }
            byte[][] frames = EncapsulatedFrames.frames(path, bytes, scan.encapsulatedOffset(), h.frames());
            NativeFrames.decodeInPlace(path, list, h.layout(), frames, ours);
            h = DicomHeader.read(list, ts);
        }
        return new DicomFile(path, list, h, null, -1, -1);
    }

    private static void refuseLimitation(Path path, FrameLayout layout) throws UnsupportedFormatException {
        String why = DecoderLimits.limitation(layout);
        if (why != null) {
            throw new UnsupportedFormatException(path, layout.transferSyntaxUid(), why);
        }
    }

    /** @param decompress let PixelMed decompress (else encapsulated frames are kept as they are) */
    private static AttributeList parse(Path path, byte[] bytes, DicomPrescan.Result scan, boolean pixels,
                                       boolean decompress) throws ImageReadException {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(decompress);
        try (DicomInputStream in = scan.hasMeta()
                ? new DicomInputStream(new ByteArrayInputStream(bytes))
                : new DicomInputStream(new ByteArrayInputStream(bytes), scan.transferSyntaxUid(), false)) {
            if (pixels) {
                list.read(in);
            } else {
                list.read(in, TagFromName.PixelData);
            }
            if (decompress) {
                list.correctDecompressedImagePixelModule();
            }
            return list;
        } catch (DicomException | IOException | RuntimeException e) {
            // what the decoders cannot do was refused before the parse (DecoderLimits): what fails here is the data;
            // PixelMed throws unchecked exceptions on hostile input
            throw new CorruptFileException(path, "cannot parse: " + ReadFailures.describe(e), e);
        }
    }

    private static void checkPixelModule(Path path, DicomHeader h, AttributeList list, DicomPrescan.Result scan)
            throws ImageReadException {
        boolean reals = list.get(TagFromName.FloatPixelData) != null
                || list.get(TagFromName.DoubleFloatPixelData) != null;
        if (list.get(TagFromName.PixelData) == null && !reals) {
            // PixelMed logs and drops pixel data it cannot read or decode; the prescan saw whether the file has any
            if (scan.pixelOffset() > 0 || scan.encapsulatedOffset() >= 0) {
                throw new CorruptFileException(path, "Pixel Data (7FE0,0010) is present but cannot be read or "
                        + "decoded (truncated or corrupt) [transfer syntax " + h.transferSyntaxUid() + "]");
            }
            if (TransferSyntax.DEFLATED_LE.uid().equals(h.transferSyntaxUid())) { // the prescan cannot look inside
                throw new UnsupportedFormatException(path, h.transferSyntaxUid(), "no readable Pixel Data "
                        + "(7FE0,0010): not an image, or its pixel data is lost to a truncated or corrupt deflate "
                        + "stream");
            }
            throw new UnsupportedFormatException(path, h.transferSyntaxUid(), "no Pixel Data (7FE0,0010): not an image");
        }
        boolean bitsOk = h.bitsAllocated() == 1 || h.bitsAllocated() == 8 || h.bitsAllocated() == 16
                || h.bitsAllocated() == 32 || reals && h.bitsAllocated() == 64;
        if (!bitsOk) {
            throw new UnsupportedFormatException(path, h.transferSyntaxUid(), "BitsAllocated " + h.bitsAllocated()
                    + " is not supported (1, 8, 16, 32 are)");
        }
        if (h.rows() <= 0 || h.columns() <= 0 || h.rows() > 65535 || h.columns() > 65535
                || (h.samplesPerPixel() != 1 && h.samplesPerPixel() != 3) || h.frames() > 100_000
                || h.decodedBytes() > MAX_DECODED_BYTES) {
            throw new CorruptFileException(path, "implausible pixel module: rows=" + h.rows() + " columns="
                    + h.columns() + " frames=" + h.frames() + " samples=" + h.samplesPerPixel());
        }
        if (!reals && (h.bitsStored() <= 0 || h.bitsStored() > h.bitsAllocated())) {
            throw new CorruptFileException(path, "BitsStored " + h.bitsStored() + " outside 1.." + h.bitsAllocated());
        }
    }

    static byte[] readBytes(Path path) throws ImageReadException {
        size(path);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read: " + ReadFailures.describe(e), e);
        }
    }

    /** The file's size, refused above {@link #MAX_FILE_BYTES}. */
    private static long size(Path path) throws ImageReadException {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new UnsupportedFormatException(path, "", "file of " + size + " bytes exceeds the "
                        + MAX_FILE_BYTES + "-byte limit");
            }
            return size;
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read: " + ReadFailures.describe(e), e);
        }
    }

    /** The first {@code n} bytes of the file (fewer when it shrank meanwhile). */
    private static byte[] readHead(Path path, int n) throws ImageReadException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read: " + ReadFailures.describe(e), e);
        }
    }
}
