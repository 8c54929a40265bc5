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
import org.radlens.dicomio.codec.JpegExtendedDecoder;
import org.radlens.dicomio.codec.JpegLsDecoder;
import org.radlens.dicomio.codec.NativeFrames;
import org.radlens.dicomio.codec.RleDecoder;

/**
 * One DICOM file parsed by PixelMed behind our edge: bytes are read once, prescanned for absurd lengths
 * ({@link DicomPrescan}), then parsed with pixel data decompressed. Every PixelMed failure becomes a checked
 * {@link ImageReadException} naming the file.
 */
final class DicomFile {
    /** Largest file we read into memory. */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** Largest decoded pixel data we allocate for one file. */
    static final long MAX_DECODED_BYTES = 1L << 30;
    private static final Logger PIXELMED_LOG = Logger.getLogger("com.pixelmed");

    static {
        PIXELMED_LOG.setLevel(Level.OFF); // PixelMed logs recoverable oddities at INFO/SEVERE; we throw instead
    }

    final Path path;
    final AttributeList list;
    final DicomHeader header;
    /** The whole file when grey native pixels are read straight from it ({@link #rawOffset}), else null. */
    final byte[] raw;
    final int rawOffset;

    private DicomFile(Path path, AttributeList list, DicomHeader header, byte[] raw, int rawOffset) {
        this.path = path;
        this.list = list;
        this.header = header;
        this.raw = raw;
        this.rawOffset = rawOffset;
    }

    /**
     * Like {@code open(path, true)}, but for uncompressed little-endian grey 8/16-bit data parses only the header
     * and keeps the file bytes, so {@link GreyFrames} converts pixels straight from them (no second copy).
     */
    static DicomFile openForImages(Path path) throws ImageReadException {
        Scanned in = scanned(path);
        byte[] bytes = in.bytes();
        DicomPrescan.Result scan = in.scan();
        TransferSyntax t = TransferSyntax.byUid(scan.transferSyntaxUid());
        if ((t == TransferSyntax.EXPLICIT_LE || t == TransferSyntax.IMPLICIT_LE) && scan.pixelOffset() > 0) {
            AttributeList list = parse(path, bytes, scan, false);
            DicomHeader h = DicomHeader.read(list, scan.transferSyntaxUid());
            boolean grey = h.samplesPerPixel() == 1 && (h.bitsAllocated() == 8 || h.bitsAllocated() == 16)
                    && h.photometric().startsWith("MONOCHROME");
            if (grey && h.rows() > 0 && h.columns() > 0 && h.frames() <= 100_000
                    && scan.pixelLength() >= h.decodedBytes()) {
                return new DicomFile(path, list, h, bytes, scan.pixelOffset());
            }
        }
        return open(path, bytes, scan, true);
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

    /** A file's bytes and their prescan. */
    private record Scanned(byte[] bytes, DicomPrescan.Result scan) {
    }

    /**
     * Reads and prescans {@code path}; a dataset in implicit VR under an explicit VR transfer syntax is rebuilt as a
     * consistent file first ({@link ImplicitVrRepair}), as pydicom reads it.
     */
    private static Scanned scanned(Path path) throws ImageReadException {
        byte[] bytes = readBytes(path);
        DicomPrescan.Result scan = DicomPrescan.scan(path, bytes);
        if (scan.implicitVrDataset()) {
            bytes = ImplicitVrRepair.asConsistent(path, bytes, scan);
            scan = DicomPrescan.scan(path, bytes);
        }
        return new Scanned(bytes, scan);
    }

    private static DicomFile open(Path path, byte[] bytes, DicomPrescan.Result scan, boolean pixels)
            throws ImageReadException {
        String ts = scan.transferSyntaxUid();
        TransferSyntax syntax = TransferSyntax.byUid(ts);
        if (pixels && (syntax == null || !syntax.decodable())) {
            throw new UnsupportedFormatException(path, ts, "cannot decode pixel data");
        }
        boolean ownRle = pixels && syntax == TransferSyntax.RLE;
        boolean ownJpegLs = pixels && (syntax == TransferSyntax.JPEG_LS_LOSSLESS
                || syntax == TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
        boolean ownJpegExt = pixels && syntax == TransferSyntax.JPEG_EXTENDED;
        AttributeList list;
        try {
            list = parse(path, bytes, scan, pixels, pixels && !ownRle && !ownJpegLs && !ownJpegExt);
        } catch (UnsupportedFormatException e) {
            String why = DecoderLimits.limitation(DicomHeader.read(parse(path, bytes, scan, false), ts));
            throw why == null ? e : new UnsupportedFormatException(path, ts, why, e);
        }
        DicomHeader h = DicomHeader.read(list, ts);
        if (ownJpegExt && h.samplesPerPixel() != 1) { // colour JPEG Extended (8-bit): PixelMed's JPEG reader
            ownJpegExt = false;
            list = parse(path, bytes, scan, true, true);
            h = DicomHeader.read(list, ts);
        }
        String limit = pixels ? DecoderLimits.limitation(h) : null;
        if (limit != null) {
            throw new UnsupportedFormatException(path, ts, limit);
        }
        if (pixels) {
            checkPixelModule(path, h, list, scan);
        }
        if (ownRle || ownJpegLs || ownJpegExt) {
            if (scan.encapsulatedOffset() < 0) {
                throw new CorruptFileException(path, "compressed pixel data is not encapsulated");
            }
            byte[][] frames = EncapsulatedFrames.frames(path, bytes, scan.encapsulatedOffset(), h.frames());
            DicomHeader hh = h;
            if (ownRle) {
                RleDecoder.decodeInPlace(path, list, h, frames);
            } else if (ownJpegLs) {
                NativeFrames.decodeInPlace(path, list, h, frames, f -> JpegLsDecoder.decode(path, ts, f,
                        hh.columns(), hh.rows(), hh.samplesPerPixel()));
            } else {
                NativeFrames.decodeInPlace(path, list, h, frames, f -> JpegExtendedDecoder.decode(path, ts, f,
                        hh.columns(), hh.rows()));
            }
            h = DicomHeader.read(list, ts);
        }
        return new DicomFile(path, list, h, null, -1);
    }

    private static AttributeList parse(Path path, byte[] bytes, DicomPrescan.Result scan, boolean pixels)
            throws ImageReadException {
        return parse(path, bytes, scan, pixels, pixels);
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
        } catch (DicomException e) {
            throw classify(path, scan.transferSyntaxUid(), e);
        } catch (IOException | RuntimeException e) { // PixelMed throws unchecked exceptions on hostile input
            throw new CorruptFileException(path, "cannot parse: " + ReadFailures.describe(e), e);
        }
    }

    private static ImageReadException classify(Path path, String ts, DicomException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No reader") || m.contains("does not support") || m.contains("not supported")) {
            return new UnsupportedFormatException(path, ts, "no decoder: " + ReadFailures.describe(e), e);
        }
        return new CorruptFileException(path, "cannot parse: " + ReadFailures.describe(e), e);
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
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new UnsupportedFormatException(path, "", "file of " + size + " bytes exceeds the "
                        + MAX_FILE_BYTES + "-byte limit");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read: " + ReadFailures.describe(e), e);
        }
    }
}
