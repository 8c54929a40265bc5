package org.radlens.dicomio.web;

import java.io.IOException;

/** A DICOMweb request failed for good (after retries); names the method, path and HTTP status (0 = no answer). */
public class DicomWebException extends IOException {
    private final int status;

    public DicomWebException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
