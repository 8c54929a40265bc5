package org.radlens.dicomio.dimse;

/** A DIMSE operation failed; the message names the peer (AE title@host:port) and the operation. */
public class DimseException extends Exception {
    public DimseException(String message, Throwable cause) {
        super(message, cause);
    }
}
