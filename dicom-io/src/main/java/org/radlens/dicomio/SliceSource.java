package org.radlens.dicomio;

import java.util.Objects;

/**
 * What a derived object needs to reference one slice of a source series: its SOP Class and SOP Instance UIDs and its
 * ImagePositionPatient (LPS, mm, centre of the first transmitted pixel) as stored in the file.
 *
 * <pre>{@code
 * SliceSource s = DicomSeries.readSources(folder).slices().get(k);   // slice k of the volume
 * }</pre>
 *
 * @param sopClassUid    (0008,0016)
 * @param sopInstanceUid (0008,0018)
 * @param imagePosition  (0020,0032), three values (copied in and out)
 */
public record SliceSource(String sopClassUid, String sopInstanceUid, double[] imagePosition) {
    public SliceSource {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        if (sopClassUid.isEmpty() || sopInstanceUid.isEmpty() || imagePosition == null
                || imagePosition.length != 3) {
            throw new IllegalArgumentException("slice reference needs SOP Class UID, SOP Instance UID and a 3-value "
                    + "position, got (" + sopClassUid + ", " + sopInstanceUid + ", "
                    + java.util.Arrays.toString(imagePosition) + ")");
        }
        imagePosition = imagePosition.clone();
    }

    @Override
    public double[] imagePosition() {
        return imagePosition.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceSource s && s.sopClassUid.equals(sopClassUid)
                && s.sopInstanceUid.equals(sopInstanceUid) && java.util.Arrays.equals(s.imagePosition, imagePosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sopClassUid, sopInstanceUid, java.util.Arrays.hashCode(imagePosition));
    }

    @Override
    public String toString() {
        return "SliceSource[" + sopInstanceUid + " at " + java.util.Arrays.toString(imagePosition) + "]";
    }
}
