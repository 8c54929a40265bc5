package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The one helper over PixelMed attribute lists that dicom-io's readers and writers share. Reading: values of one
 * attribute as numbers, integers, bytes or text, absent or malformed values giving the caller's default (never an
 * exception: a malformed numeric string is treated as absent). Writing: attributes with dictionary VRs from plain
 * values, sequences, code and reference items, the Image Pixel description and the Part 10 encoding.
 *
 * <p>PixelMed-typed, so for dicom-io's own packages only: other modules never see PixelMed.
 *
 * <pre>{@code
 * double slope = DicomAttributes.number(list, TagFromName.RescaleSlope, 1);
 * DicomAttributes.put(list, TagFromName.SeriesDescription, "RadLens findings");
 * }</pre>
 */
public final class DicomAttributes {
    private DicomAttributes() {
    }

    /** The first {@code n} values of {@code tag}, or null when absent, shorter, malformed or not finite. */
    public static double[] doubles(AttributeList l, AttributeTag tag, int n) {
        Attribute a = l.get(tag);
        try {
            double[] v = a == null ? null : a.getDoubleValues();
            if (v == null || v.length < n) {
                return null;
            }
            double[] out = Arrays.copyOf(v, n);
            for (double d : out) {
                if (!Double.isFinite(d)) {
                    return null;
                }
            }
            return out;
        } catch (DicomException | RuntimeException e) {
            return null; // malformed numeric string: treated as absent
        }
    }

    /** The first value of {@code tag}, {@code dflt} when absent or malformed. */
    public static double number(AttributeList l, AttributeTag tag, double dflt) {
        double[] v = doubles(l, tag, 1);
        return v == null ? dflt : v[0];
    }

    /** The first integer value of {@code tag}, 0 when absent. */
    public static int integer(AttributeList l, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(l, tag, 0);
    }

    /** Every integer value of {@code tag}; empty when absent or malformed. */
    public static int[] ints(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        try {
            int[] v = a == null ? null : a.getIntegerValues();
            return v == null ? new int[0] : v;
        } catch (DicomException | RuntimeException e) {
            return new int[0];
        }
    }

    /** The value bytes of {@code tag} (little endian); empty when absent or unreadable. */
    public static byte[] bytes(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        try {
            byte[] v = a == null ? null : a.getByteValues(false);
            return v == null ? new byte[0] : v;
        } catch (DicomException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The first string value of {@code tag}, trimmed; {@code dflt} when absent or blank. */
    public static String text(AttributeList l, AttributeTag tag, String dflt) {
        String s = Attribute.getSingleStringValueOrDefault(l, tag, dflt);
        return s == null || s.isBlank() ? dflt : s.trim();
    }

    /**
     * The first {@code n} values of {@code tag} inside {@code macro} of item {@code index} of the functional group
     * sequence {@code groups} (enhanced objects), or null when any of them is absent.
     */
    public static double[] frameGroupValue(AttributeList l, AttributeTag groups, AttributeTag macro, AttributeTag tag,
                                           int n, int index) {
        Attribute g = l.get(groups);
        if (!(g instanceof SequenceAttribute seq) || seq.getNumberOfItems() <= index) {
            return null;
        }
        AttributeList item = seq.getItem(index).getAttributeList();
        Attribute m = item.get(macro);
        if (!(m instanceof SequenceAttribute ms) || ms.getNumberOfItems() == 0) {
            return null;
        }
        return doubles(ms.getItem(0).getAttributeList(), tag, n);
    }

    /** Puts {@code tag} with the given values (none = empty, type 2); returns {@code list}. */
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

    /** Puts a sequence of the given items; returns {@code list}. */
    public static AttributeList seq(AttributeList list, AttributeTag tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            s.addItem(item);
        }
        list.put(s);
        return list;
    }

    /** A code sequence item (Code Value, Coding Scheme Designator, Code Meaning). */
    public static AttributeList code(String value, String scheme, String meaning) throws DicomException {
        AttributeList l = new AttributeList();
        put(l, TagFromName.CodeValue, value);
        put(l, TagFromName.CodingSchemeDesignator, scheme);
        put(l, TagFromName.CodeMeaning, meaning);
        return l;
    }

    /** True when a Coding Scheme Designator anywhere in {@code list} (sequences included) equals {@code scheme}. */
    public static boolean usesScheme(AttributeList list, String scheme) {
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

    /** The object as a Part 10 file: meta information added, explicit VR little endian. */
    public static byte[] toPart10(AttributeList list) throws DicomException {
        String explicitLe = com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian;
        FileMetaInformation.addFileMetaInformation(list, explicitLe, "RADLENS");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            list.write(out, explicitLe, true, true);
        } catch (IOException e) {
            throw new DicomException("cannot encode: " + e.getMessage());
        }
        return out.toByteArray();
    }
}
