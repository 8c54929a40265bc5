package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.radlens.dicomio.derived.Code;

/** Small builders over PixelMed's attribute lists for the writers (dictionary VRs; values as strings). */
public final class DicomAttrs {
    private DicomAttrs() {
    }

    /** Puts {@code tag} with the given values (none = empty, type 2). */
    public static AttributeList put(AttributeList list, AttributeTag tag, Object... values) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        for (Object v : values) {
            if (v instanceof Integer i) {
                a.addValue(i.intValue());
            } else if (v instanceof AttributeTag t) {
                a.addValue(t.toString());
            } else if (v instanceof Double d) {
                a.addValue(d.doubleValue());
            } else {
                a.addValue(String.valueOf(v));
            }
        }
        list.put(a);
        return list;
    }

    /** Puts a sequence of the given items. */
    public static AttributeList seq(AttributeList list, AttributeTag tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            s.addItem(item);
        }
        list.put(s);
        return list;
    }

    /** True when a Coding Scheme Designator anywhere in {@code list} (sequences included) equals {@code scheme}. */
    static boolean usesScheme(AttributeList list, String scheme) {
        for (Attribute a : list.values()) {
            if (a instanceof SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    if (usesScheme(s.getItem(i).getAttributeList(), scheme)) {
                        return true;
                    }
                }
            } else if (a.getTag().equals(TagFromName.CodingSchemeDesignator)
                    && scheme.equals(a.getSingleStringValueOrEmptyString().trim())) {
                return true;
            }
        }
        return false;
    }

    /** A code sequence item. */
    static AttributeList code(Code c) throws DicomException {
        AttributeList l = new AttributeList();
        put(l, TagFromName.CodeValue, c.value());
        put(l, TagFromName.CodingSchemeDesignator, c.scheme());
        put(l, TagFromName.CodeMeaning, c.meaning());
        return l;
    }

    /** A one-item code sequence. */
    public static AttributeList codeSeq(AttributeList list, AttributeTag tag, Code c) throws DicomException {
        return seq(list, tag, code(c));
    }

    /** A reference item (Referenced SOP Class + Instance UID). */
    public static AttributeList sopRef(String classUid, String instanceUid) throws DicomException {
        AttributeList l = new AttributeList();
        put(l, TagFromName.ReferencedSOPClassUID, classUid);
        put(l, TagFromName.ReferencedSOPInstanceUID, instanceUid);
        return l;
    }

    /**
     * The Image Pixel module's description of unsigned, uncompressed pixels ({@code bits} stored in as many bits
     * allocated) plus Lossy Image Compression "00"; the Pixel Data itself is the caller's.
     */
    public static void imagePixel(AttributeList l, int samples, String photometric, int rows, int columns, int bits)
            throws DicomException {
        put(l, TagFromName.SamplesPerPixel, samples);
        put(l, TagFromName.PhotometricInterpretation, photometric);
        if (samples > 1) {
            put(l, TagFromName.PlanarConfiguration, 0);
        }
        put(l, TagFromName.Rows, rows);
        put(l, TagFromName.Columns, columns);
        put(l, TagFromName.BitsAllocated, bits);
        put(l, TagFromName.BitsStored, bits);
        put(l, TagFromName.HighBit, bits - 1);
        put(l, TagFromName.PixelRepresentation, 0);
        put(l, TagFromName.LossyImageCompression, "00");
    }

    /**
     * The object as a Part 10 file (explicit VR little endian, with meta header). When any code in it uses
     * {@link Code#PRIVATE_SCHEME}, the Coding Scheme Identification Sequence (SOP Common) names that scheme first.
     */
    public static byte[] toPart10(AttributeList list) throws DicomException {
        if (usesScheme(list, Code.PRIVATE_SCHEME)) {
            AttributeList id = new AttributeList();
            put(id, TagFromName.CodingSchemeDesignator, Code.PRIVATE_SCHEME);
            put(id, TagFromName.CodingSchemeName, Code.PRIVATE_SCHEME_NAME);
            put(id, TagFromName.CodingSchemeResponsibleOrganization, "RadLens project");
            seq(list, TagFromName.CodingSchemeIdentificationSequence, id);
        }
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "RADLENS");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (IOException e) {
            throw new DicomException("cannot encode: " + e.getMessage());
        }
        return out.toByteArray();
    }
}
