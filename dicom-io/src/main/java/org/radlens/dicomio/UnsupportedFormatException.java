package org.radlens.dicomio;

import java.nio.file.Path;

/**
 * The file is well-formed but uses an encoding we cannot decode (e.g. JPEG-LS without GDCM, 12-bit JPEG extended),
 * or is not an image format we know. The message names the file and the DICOM transfer syntax (UID and name).
 */
public class UnsupportedFormatException extends ImageReadException {
    private final String transferSyntaxUid;

    public UnsupportedFormatException(Path file, String transferSyntaxUid, String message, Throwable cause) {
        super(file, message + (transferSyntaxUid.isEmpty() ? "" : " [transfer syntax " + transferSyntaxUid + " "
                + TransferSyntax.nameOf(transferSyntaxUid) + "]"), cause);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public UnsupportedFormatException(Path file, String transferSyntaxUid, String message) {
        this(file, transferSyntaxUid, message, null);
    }

    /** The DICOM transfer syntax UID, or "" for non-DICOM files. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
