package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/** Integer and byte views of attributes, empty when absent or malformed. */
final class DicomAttributesInts {
    private DicomAttributesInts() {
    }

    static int[] ints(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        try {
            int[] v = a == null ? null : a.getIntegerValues();
            return v == null ? new int[0] : v;
        } catch (DicomException | RuntimeException e) {
            return new int[0];
        }
    }

    static byte[] bytes(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        try {
            byte[] v = a == null ? null : a.getByteValues(false);
            return v == null ? new byte[0] : v;
        } catch (DicomException | RuntimeException e) {
            return new byte[0];
        }
    }
}
