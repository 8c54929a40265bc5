package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.Locale;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.SourceImage;

/**
 * SR content items (PS3.3 C.17.3) as PixelMed attribute lists; children are added with {@link #children}. A null
 * concept leaves the Concept Name Code Sequence out (allowed for IMAGE items of an Image Library).
 */
final class SrItems {
    private SrItems() {
    }

    static AttributeList container(String relationship, Code concept) throws DicomException {
        AttributeList l = item(relationship, "CONTAINER", concept);
        return DicomAttributes.put(l, TagFromName.ContinuityOfContent, "SEPARATE");
    }

    static AttributeList code(String relationship, Code concept, Code value) throws DicomException {
        return DerivedObjects.codeSeq(item(relationship, "CODE", concept), TagFromName.ConceptCodeSequence, value);
    }

    static AttributeList text(String relationship, Code concept, String value) throws DicomException {
        return DicomAttributes.put(item(relationship, "TEXT", concept), TagFromName.TextValue, value);
    }

    static AttributeList uidref(String relationship, Code concept, String uid) throws DicomException {
        return DicomAttributes.put(item(relationship, "UIDREF", concept), TagFromName.UID, uid);
    }

    /** A NUM item; the value is written as DS with at most 16 characters. */
    static AttributeList num(String relationship, Code concept, double value, Code unit) throws DicomException {
        AttributeList mv = new AttributeList();
        DicomAttributes.put(mv, TagFromName.NumericValue, ds(value));
        DerivedObjects.codeSeq(mv, TagFromName.MeasurementUnitsCodeSequence, unit);
        return DicomAttributes.seq(item(relationship, "NUM", concept), TagFromName.MeasuredValueSequence, mv);
    }

    static AttributeList image(String relationship, Code concept, SourceImage src) throws DicomException {
        return DicomAttributes.seq(item(relationship, "IMAGE", concept), TagFromName.ReferencedSOPSequence,
                DicomAttributes.sopRef(src.sopClassUid(), src.sopInstanceUid()));
    }

    /**
     * A SCOORD item (POINT or POLYLINE) in the source's image coordinates (column, row pairs), with its SELECTED
     * FROM IMAGE child naming the source.
     */
    static AttributeList scoord(String relationship, Code concept, String graphicType, SourceImage src,
                                double... columnRow) throws DicomException {
        AttributeList l = item(relationship, "SCOORD", concept);
        com.pixelmed.dicom.FloatSingleAttribute data = new com.pixelmed.dicom.FloatSingleAttribute(
                TagFromName.GraphicData);
        for (double v : columnRow) {
            data.addValue((float) v);
        }
        l.put(data);
        DicomAttributes.put(l, TagFromName.GraphicType, graphicType);
        return children(l, image("SELECTED FROM", null, src));
    }

    /** An IMAGE item referencing segment {@code segment} of a SEG instance. */
    static AttributeList segment(String relationship, Code concept, String segInstanceUid, int segment)
            throws DicomException {
        AttributeList ref = DicomAttributes.sopRef(com.pixelmed.dicom.SOPClass.SegmentationStorage, segInstanceUid);
        DicomAttributes.put(ref, TagFromName.ReferencedSegmentNumber, segment);
        return DicomAttributes.seq(item(relationship, "IMAGE", concept), TagFromName.ReferencedSOPSequence, ref);
    }

    /** Adds {@code kids} as the Content Sequence of {@code parent}; returns the parent. */
    static AttributeList children(AttributeList parent, AttributeList... kids) {
        return DicomAttributes.seq(parent, TagFromName.ContentSequence, kids);
    }

    static String ds(double v) {
        String s = new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros()
                .toPlainString();
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    private static AttributeList item(String relationship, String valueType, Code concept) throws DicomException {
        AttributeList l = new AttributeList();
        if (relationship != null) {
            DicomAttributes.put(l, TagFromName.RelationshipType, relationship);
        }
        DicomAttributes.put(l, TagFromName.ValueType, valueType);
        return concept == null ? l : DerivedObjects.codeSeq(l, TagFromName.ConceptNameCodeSequence, concept);
    }
}
