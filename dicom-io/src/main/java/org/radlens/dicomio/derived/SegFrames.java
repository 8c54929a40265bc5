package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.Locale;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.SourceImage;

/** The image, segment and functional-group modules of {@link Segmentations}' one-frame binary SEG. */
final class SegFrames {
    private static final String DIMENSION_ORG = "1.2.826.0.1.3680043.10.1419.1"; // fixed: one organisation for all
    /** Segmented property category of anatomy (lungs and other regions). */
    static final Code ANATOMICAL_STRUCTURE = Code.sct("91723000", "Anatomical Structure");
    private static final Code SOURCE_PURPOSE = Code.dcm("121322", "Source image for image processing operation");
    private static final Code SEGMENTATION = Code.dcm("113076", "Segmentation");
    /**
     * Plane of a frame whose source has no patient geometry (CR/DX): rows along +x, columns along +y, first pixel at
     * the origin. Not a statement about the patient (there is no Frame of Reference to place it in); it is the plane
     * Cornerstone3D assumes for such a source, so the frame lands on it pixel for pixel (see the module README).
     */
    static final double[] NOMINAL_ORIENTATION = {1, 0, 0, 0, 1, 0};
    static final double[] NOMINAL_POSITION = {0, 0, 0};

    private SegFrames() {
    }

    static void image(AttributeList l, DicomHeader h, byte[] packed, String label) throws DicomException {
        image(l, h.rows(), h.columns(), 1, packed, label);
    }

    /** Segmentation Image module of a BINARY SEG of {@code frames} frames; {@code packed} holds all their bits. */
    static void image(AttributeList l, int rows, int columns, int frames, byte[] packed, String label)
            throws DicomException {
        DicomAttributes.put(l, TagFromName.ImageType, "DERIVED", "PRIMARY");
        DicomAttributes.imagePixel(l, 1, "MONOCHROME2", rows, columns, 1);
        DicomAttributes.put(l, TagFromName.NumberOfFrames, String.valueOf(frames));
        String cs = label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_ ]", "_");
        DicomAttributes.put(l, TagFromName.ContentLabel, cs.length() > 16 ? cs.substring(0, 16) : cs);
        DicomAttributes.put(l, TagFromName.ContentDescription, "RadLens " + label + " segmentation");
        DicomAttributes.put(l, TagFromName.ContentCreatorName);
        DicomAttributes.put(l, TagFromName.SegmentationType, "BINARY");
        l.put(Segmentations.pixelData(packed));
    }

    static void segment(AttributeList l, Code type, Code category, String label, AlgorithmIdentity algo)
            throws DicomException {
        DicomAttributes.seq(l, TagFromName.SegmentSequence, segmentItem(1, type, category, label, algo));
        AttributeList dim = new AttributeList();
        DicomAttributes.put(dim, TagFromName.DimensionOrganizationUID, DIMENSION_ORG);
        DicomAttributes.seq(l, TagFromName.DimensionOrganizationSequence, dim);
        DicomAttributes.seq(l, TagFromName.DimensionIndexSequence, dimension(DIMENSION_ORG,
                TagFromName.ReferencedSegmentNumber, TagFromName.SegmentIdentificationSequence, "Segment Number"));
    }

    /** One Dimension Index Sequence item: {@code pointer} inside functional group {@code group}. */
    static AttributeList dimension(String org, com.pixelmed.dicom.AttributeTag pointer,
                                   com.pixelmed.dicom.AttributeTag group, String label) throws DicomException {
        AttributeList d = new AttributeList();
        DicomAttributes.put(d, TagFromName.DimensionOrganizationUID, org);
        DicomAttributes.put(d, TagFromName.DimensionIndexPointer, pointer);
        DicomAttributes.put(d, TagFromName.FunctionalGroupPointer, group);
        DicomAttributes.put(d, TagFromName.DimensionDescriptionLabel, label);
        return d;
    }

    /** A Derivation Image Sequence item: "Segmentation" of the given source image. */
    static AttributeList derivationImage(String sopClassUid, String sopInstanceUid) throws DicomException {
        AttributeList source = DicomAttributes.sopRef(sopClassUid, sopInstanceUid);
        DerivedObjects.codeSeq(source, TagFromName.PurposeOfReferenceCodeSequence, SOURCE_PURPOSE);
        AttributeList derivation = new AttributeList();
        DerivedObjects.codeSeq(derivation, TagFromName.DerivationCodeSequence, SEGMENTATION);
        DicomAttributes.seq(derivation, TagFromName.SourceImageSequence, source);
        return derivation;
    }

    /** One Segment Sequence item: number, label, AUTOMATIC by {@code algo}, category and type codes. */
    static AttributeList segmentItem(int number, Code type, Code category, String label, AlgorithmIdentity algo)
            throws DicomException {
        AttributeList s = new AttributeList();
        DicomAttributes.put(s, TagFromName.SegmentNumber, number);
        DicomAttributes.put(s, TagFromName.SegmentLabel, label);
        DicomAttributes.put(s, TagFromName.SegmentAlgorithmType, "AUTOMATIC");
        com.pixelmed.dicom.LongStringAttribute name = new com.pixelmed.dicom.LongStringAttribute(
                new com.pixelmed.dicom.AttributeTag(0x0062, 0x0009)); // Segment Algorithm Name (not in PixelMed's dictionary)
        name.addValue(algo.name());
        s.put(name);
        DerivedObjects.codeSeq(s, TagFromName.SegmentedPropertyCategoryCodeSequence, category);
        DerivedObjects.codeSeq(s, TagFromName.SegmentedPropertyTypeCodeSequence, type);
        return s;
    }

    static void functionalGroups(AttributeList l, SourceImage src) throws DicomException {
        DicomHeader h = src.header();
        AttributeList shared = new AttributeList();
        if (h.pixelSpacing() != null) {
            AttributeList measures = new AttributeList();
            DicomAttributes.put(measures, TagFromName.PixelSpacing, h.pixelSpacing()[0], h.pixelSpacing()[1]);
            DicomAttributes.put(measures, TagFromName.SliceThickness,
                    h.sliceThickness() > 0 ? h.sliceThickness() : 1.0);
            DicomAttributes.seq(shared, TagFromName.PixelMeasuresSequence, measures);
        }
        AttributeList orient = new AttributeList();
        double[] o = placed(src) ? h.imageOrientation() : NOMINAL_ORIENTATION;
        DicomAttributes.put(orient, TagFromName.ImageOrientationPatient, o[0], o[1], o[2], o[3], o[4], o[5]);
        DicomAttributes.seq(shared, TagFromName.PlaneOrientationSequence, orient);
        DicomAttributes.seq(l, TagFromName.SharedFunctionalGroupsSequence, shared);
        DicomAttributes.seq(l, TagFromName.PerFrameFunctionalGroupsSequence, frame(src));
    }

    /** True when the source has a frame of reference, position and orientation (plane groups are written). */
    static boolean placed(SourceImage src) {
        return !src.frameOfReferenceUid().isEmpty() && src.header().imageOrientation() != null
                && src.header().imagePosition() != null;
    }

    private static AttributeList frame(SourceImage src) throws DicomException {
        AttributeList f = new AttributeList();
        AttributeList content = new AttributeList();
        DicomAttributes.put(content, TagFromName.DimensionIndexValues, 1);
        DicomAttributes.seq(f, TagFromName.FrameContentSequence, content);
        AttributeList segId = new AttributeList();
        DicomAttributes.put(segId, TagFromName.ReferencedSegmentNumber, 1);
        DicomAttributes.seq(f, TagFromName.SegmentIdentificationSequence, segId);
        DicomAttributes.seq(f, TagFromName.DerivationImageSequence,
                derivationImage(src.sopClassUid(), src.sopInstanceUid()));
        double[] p = placed(src) ? src.header().imagePosition() : NOMINAL_POSITION;
        AttributeList pos = new AttributeList();
        DicomAttributes.put(pos, TagFromName.ImagePositionPatient, p[0], p[1], p[2]);
        DicomAttributes.seq(f, TagFromName.PlanePositionSequence, pos);
        return f;
    }
}
