package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.SourceImage;

/**
 * Writes a rendered overlay (e.g. a heat map blended over the display-windowed source, with its boxes) as an RGB
 * Secondary Capture Image (SOP class 1.2.840.10008.5.1.4.1.1.7, Modality OT, Conversion Type WSD) in the source's
 * study, in a series of its own per model and query, referencing the source in its Source Image Sequence. The pixels
 * are a picture for people to look at, not values to measure (the SR and SEG carry those). SOP Instance UID:
 * {@code DerivedUids.derive(source SOP UID, model sha256, "sc:" + query)}: a retry writes the same instance.
 *
 * <pre>{@code
 * byte[] sc = SecondaryCaptures.overlay(src, width, height, rgb, "pneumonia", algorithm); // rgb: R,G,B per pixel
 * }</pre>
 */
public final class SecondaryCaptures {
    private SecondaryCaptures() {
    }

    /** The SC's SOP Instance UID for {@code src}, {@code algo} and {@code query}. */
    public static String instanceUid(SourceImage src, AlgorithmIdentity algo, String query) {
        return DerivedObjects.instanceUid(src, algo, DerivedObjects.Kind.SC, query);
    }

    /**
     * @param rgb   row-major interleaved 8-bit R, G, B of {@code columns × rows} pixels: the source's grid
     * @param query what the overlay shows, e.g. the grounding query; named in the series and derivation descriptions
     */
    public static byte[] overlay(SourceImage src, int columns, int rows, byte[] rgb, String query,
                                 AlgorithmIdentity algo) throws DicomWriteException {
        DicomHeader h = src.header();
        if (columns != h.columns() || rows != h.rows() || rgb.length != 3L * columns * rows) {
            throw new IllegalArgumentException("overlay of " + columns + "x" + rows + " (" + rgb.length
                    + " bytes) for a " + h.columns() + "x" + h.rows() + " source " + src.sopInstanceUid());
        }
        try {
            AttributeList l = DerivedObjects.common(src, algo, DerivedObjects.Kind.SC, query,
                    SOPClass.SecondaryCaptureImageStorage);
            DicomAttributes.put(l, TagFromName.ConversionType, "WSD");
            DicomAttributes.put(l, TagFromName.ImageType, "DERIVED", "SECONDARY");
            DicomAttributes.put(l, TagFromName.PatientOrientation);
            // Image Laterality U (unpaired: a chest image) instead of an empty series Laterality, which is type 2C
            // and required only for paired body parts without Image Laterality
            DicomAttributes.put(l, TagFromName.ImageLaterality, "U");
            DicomAttributes.put(l, TagFromName.BurnedInAnnotation, "NO");
            String how = "Text grounding heat map for \"" + query + "\" by " + algo.name() + " " + algo.version()
                    + ", blended over the source image";
            DicomAttributes.put(l, TagFromName.DerivationDescription,
                    how.length() > 1024 ? how.substring(0, 1024) : how);
            DicomAttributes.seq(l, TagFromName.SourceImageSequence,
                    DicomAttributes.sopRef(src.sopClassUid(), src.sopInstanceUid()));
            pixels(l, columns, rows, rgb);
            return DerivedObjects.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("Secondary Capture for " + src.sopInstanceUid(), e);
        }
    }

    private static void pixels(AttributeList l, int columns, int rows, byte[] rgb) throws DicomException {
        DicomAttributes.imagePixel(l, 3, "RGB", rows, columns, 8);
        OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
        px.setValues(rgb.length % 2 == 0 ? rgb : java.util.Arrays.copyOf(rgb, rgb.length + 1));
        l.put(px);
    }
}
