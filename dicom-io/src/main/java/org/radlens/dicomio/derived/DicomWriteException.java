package org.radlens.dicomio.derived;

/** A derived DICOM object (SR, SEG) could not be built or encoded; names the object and chains the cause. */
public class DicomWriteException extends Exception {
    public DicomWriteException(String what, Throwable cause) {
        super("cannot write " + what + ": " + cause.getMessage(), cause);
    }

    /** The source lacks something the object needs ({@code why}); there is no underlying exception. */
    public DicomWriteException(String what, String why) {
        super("cannot write " + what + ": " + why);
    }
}
