package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

/**
 * Writes a binary DICOM Segmentation (one segment, one frame) aligned pixel for pixel with a single-frame 2D source
 * image: same rows and columns, pixel measures from the source spacing, plane position/orientation and the source's
 * Frame of Reference when it has one (CT-like sources; CR/DX usually have none, and then the frame is tied to the
 * source by its Derivation Image Sequence alone). The segment is coded with SegmentedPropertyCategory
 * {@code 91723000 SCT "Anatomical Structure"} and type {@link FindingCodes#of}(label) (e.g. {@code 39607008 SCT
 * "Lung"}). SOP Instance UID: {@code DerivedUids.derive(source SOP UID, model sha256, "seg")}.
 *
 * <pre>{@code
 * byte[] seg = Segmentations.binary(src, maskBytes, "lungs", algorithm); // maskBytes: rows·columns, non-zero = in
 * }</pre>
 */
public final class Segmentations {
    private static final Code ANATOMICAL_STRUCTURE = Code.sct("91723000", "Anatomical Structure");

    private Segmentations() {
    }

    /** The SEG's SOP Instance UID for {@code src} and {@code algo}. */
    public static String instanceUid(SourceImage src, AlgorithmIdentity algo) {
        return DerivedObjects.instanceUid(src, algo, DerivedObjects.Kind.SEG);
    }

    /**
     * @param mask  row-major {@code rows × columns} values of the source grid; non-zero marks the segment
     * @param label segment label, e.g. "lungs"
     */
    public static byte[] binary(SourceImage src, byte[] mask, String label, AlgorithmIdentity algo)
            throws DicomWriteException {
        DicomHeader h = src.header();
        if (mask.length != (long) h.rows() * h.columns()) {
            throw new IllegalArgumentException("mask has " + mask.length + " values for a " + h.columns() + "x"
                    + h.rows() + " source " + src.sopInstanceUid());
        }
        try {
            AttributeList l = DerivedObjects.common(src, algo, DerivedObjects.Kind.SEG, SOPClass.SegmentationStorage);
            SegFrames.image(l, h, pack(mask), label);
            SegFrames.segment(l, FindingCodes.of(label), ANATOMICAL_STRUCTURE, label, algo);
            SegFrames.functionalGroups(l, src);
            DicomAttrs.seq(l, TagFromName.ReferencedSeriesSequence, DerivedObjects.referencedSeries(src, TagFromName.ReferencedInstanceSequence));
            if (!SegFrames.placed(src)) {
                DicomAttrs.put(l, TagFromName.PatientOrientation, (Object[]) src.patientOrientation());
            }
            if (!src.frameOfReferenceUid().isEmpty()) {
                DicomAttrs.put(l, TagFromName.FrameOfReferenceUID, src.frameOfReferenceUid());
                DicomAttrs.put(l, TagFromName.PositionReferenceIndicator);
            }
            return DicomAttrs.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("SEG for " + src.sopInstanceUid(), e);
        }
    }

    /** Packs one bit per pixel, first pixel in the least significant bit, padded to an even length. */
    static byte[] pack(byte[] mask) {
        int n = (mask.length + 7) / 8;
        byte[] out = new byte[n + (n % 2)];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                out[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return out;
    }

    static OtherByteAttribute pixelData(byte[] packed) throws DicomException {
        OtherByteAttribute a = new OtherByteAttribute(TagFromName.PixelData);
        a.setValues(packed);
        return a;
    }
}
