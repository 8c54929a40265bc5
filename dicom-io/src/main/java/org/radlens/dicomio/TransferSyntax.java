package org.radlens.dicomio;

import java.util.Optional;
import org.radlens.dicomio.codec.FrameDecoder;
import org.radlens.dicomio.codec.FrameDecoders;
import org.radlens.dicomio.codec.FrameLayout;

/**
 * DICOM transfer syntaxes and whether this reader decodes them (PixelMed + jai-imageio-jpeg2000).
 * Unknown UIDs are not decodable.
 */
public enum TransferSyntax {
    IMPLICIT_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", true, false),
    EXPLICIT_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false),
    EXPLICIT_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, false),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, true),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)", true, true),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14 SV1)", true, false),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)", true, true),
    JPEG2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", true, false),
    JPEG2000("1.2.840.10008.1.2.4.91", "JPEG 2000", true, true),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)", false, false),
    HTJ2K_RPCL("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)", false, false),
    HTJ2K("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", false, true),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", true, false),
    DEFLATED_IMAGE_FRAME("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", false, false);

    private final String uid;
    private final String displayName;
    private final boolean decodable;
    private final boolean lossy;

    TransferSyntax(String uid, String displayName, boolean decodable, boolean lossy) {
        this.uid = uid;
        this.displayName = displayName;
        this.decodable = decodable;
        this.lossy = lossy;
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    /** True when {@link DicomReader} decodes it (JPEG Extended 12-bit: grey only). */
    public boolean decodable() {
        return decodable;
    }

    /** True for lossy compression: decoded values may differ slightly between decoders. */
    public boolean lossy() {
        return lossy;
    }

    /** True for compressed (encapsulated) pixel data. */
    public boolean encapsulated() {
        return ordinal() > EXPLICIT_BE.ordinal();
    }

    /**
     * Our decoder for this syntax's frames of {@code layout}, the first of {@link FrameDecoders#of} that accepts it;
     * empty when the parser (PixelMed) decompresses the pixel data itself.
     */
    public Optional<FrameDecoder> frameDecoder(FrameLayout layout) {
        return FrameDecoders.choose(this, layout);
    }

    /** The syntax with this UID, or null when unknown. */
    public static TransferSyntax byUid(String uid) {
        for (TransferSyntax t : values()) {
            if (t.uid.equals(uid)) {
                return t;
            }
        }
        return null;
    }

    /** A human-readable name for any UID ("unknown" when not in this table). */
    public static String nameOf(String uid) {
        TransferSyntax t = byUid(uid);
        return t == null ? "(unknown transfer syntax)" : "(" + t.displayName + ")";
    }
}
