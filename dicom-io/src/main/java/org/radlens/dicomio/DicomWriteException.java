package org.radlens.dicomio;

/** A derived DICOM object (SR, SEG) could not be built or encoded; names the object and chains the cause. */
public class DicomWriteException extends Exception {
    public DicomWriteException(String what, Throwable cause) {
        super("cannot write " + what + ": " + cause.getMessage(), cause);
    }
}
