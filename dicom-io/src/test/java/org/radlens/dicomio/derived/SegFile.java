package org.radlens.dicomio.derived;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** A written SEG parsed back with PixelMed (independently of the writer's own classes), for assertions. */
record SegFile(AttributeList list, int rows, int columns, List<Frame> frames, byte[] pixelData) {

    /** One frame's per-frame functional group values. */
    record Frame(int segment, String sourceUid, double[] position, int[] dimensionIndex) {
    }

    static SegFile parse(byte[] part10) throws Exception {
        AttributeList l = new AttributeList();
        l.read(new com.pixelmed.dicom.DicomInputStream(new ByteArrayInputStream(part10)));
        SequenceAttribute perFrame = (SequenceAttribute) l.get(TagFromName.PerFrameFunctionalGroupsSequence);
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < perFrame.getNumberOfItems(); f++) {
            AttributeList item = perFrame.getItem(f).getAttributeList();
            AttributeList derivation = first(item, TagFromName.DerivationImageSequence);
            AttributeList source = first(derivation, TagFromName.SourceImageSequence);
            frames.add(new Frame(
                    Attribute.getSingleIntegerValueOrDefault(first(item, TagFromName.SegmentIdentificationSequence),
                            TagFromName.ReferencedSegmentNumber, -1),
                    Attribute.getSingleStringValueOrEmptyString(source, TagFromName.ReferencedSOPInstanceUID),
                    Attribute.getDoubleValues(first(item, TagFromName.PlanePositionSequence),
                            TagFromName.ImagePositionPatient),
                    Attribute.getIntegerValues(first(item, TagFromName.FrameContentSequence),
                            TagFromName.DimensionIndexValues)));
        }
        return new SegFile(l, Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Rows, 0),
                Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Columns, 0), frames,
                l.get(TagFromName.PixelData).getByteValues());
    }

    static AttributeList first(AttributeList l, AttributeTag seq) {
        return ((SequenceAttribute) l.get(seq)).getItem(0).getAttributeList();
    }

    /** Bit of pixel (x, y) in frame f: frames are packed back to back, least significant bit first. */
    boolean bit(int f, int x, int y) {
        long i = (long) f * rows * columns + (long) y * columns + x;
        return (pixelData[(int) (i >>> 3)] >> (i & 7) & 1) != 0;
    }

    String text(AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
    }
}
