package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.DicomHeader;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SourceImage;
import org.radlens.volume3d.ByteLanes;
import org.radlens.volume3d.LabelMask;

/**
 * Writes a binary DICOM Segmentation (one segment, one frame) aligned pixel for pixel with a single-frame 2D source
 * image: same rows and columns, pixel measures from the source spacing, the source's plane position/orientation and
 * Frame of Reference when it has them (CT-like sources). CR/DX usually have no patient geometry: their frame is tied
 * to the source by its Derivation Image Sequence, and carries the nominal plane (orientation 1\0\0\0\1\0, position
 * 0\0\0, no Frame of Reference) that Cornerstone3D gives such a source, so OHIF's SEG readers load it (dicom-io's
 * README says why). The segment is coded with SegmentedPropertyCategory {@code 91723000 SCT "Anatomical Structure"}
 * and type {@link FindingCodes#of}(label) (e.g. {@code 39607008 SCT "Lung"}). SOP Instance UID:
 * {@code DerivedUids.derive(source SOP UID, model sha256, "seg")}.
 *
 * <pre>{@code
 * byte[] seg = Segmentations.binary(src, maskBytes, "lungs", algorithm); // maskBytes: rows·columns, non-zero = in
 * }</pre>
 *
 * <p>{@link #binaryVolume} writes the multi-frame counterpart for a whole DICOM series: one segment per class of a
 * {@link LabelMask} on the series grid, one frame per (segment, source slice), each frame referencing its slice.
 *
 * <pre>{@code
 * SourcedVolume ct = DicomSeries.readWithSources(Path.of("ct-folder"));
 * LabelMask mask = segmenter.segment(ct.volume(), options, cleaning);            // on ct.volume()'s grid
 * byte[] seg = Segmentations.binaryVolume(ct.source(), mask, algorithm);          // frames with the segment only
 * }</pre>
 */
public final class Segmentations {

    private Segmentations() {
    }

    /** Which slices of a series get a frame in {@link #binaryVolume}, per segment. */
    public enum Frames {
        /** Every slice of the series, for every segment. */
        ALL,
        /** Only the slices where the segment has a voxel (a segment without any voxel keeps its first slice). */
        NON_EMPTY
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
            SegFrames.segment(l, FindingCodes.of(label), SegFrames.ANATOMICAL_STRUCTURE, label, algo);
            SegFrames.functionalGroups(l, src);
            DicomAttributes.seq(l, TagFromName.ReferencedSeriesSequence,
                    DerivedObjects.referencedSeries(src, TagFromName.ReferencedInstanceSequence));
            if (!SegFrames.placed(src)) {
                DicomAttributes.put(l, TagFromName.PatientOrientation, (Object[]) src.patientOrientation());
            } else { // a Frame of Reference only with real positions in it, never around the nominal plane
                DicomAttributes.put(l, TagFromName.FrameOfReferenceUID, src.frameOfReferenceUid());
                DicomAttributes.put(l, TagFromName.PositionReferenceIndicator);
            }
            return DerivedObjects.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("SEG for " + src.sopInstanceUid(), e);
        }
    }

    /**
     * The multi-frame SEG's SOP Instance UID: {@code DerivedUids.derive(series UID, model sha256, "seg-volume",
     * class names, frames)} — the same series, model, classes and frame selection always give the same UID.
     */
    public static String volumeInstanceUid(SeriesSource series, List<String> classNames, AlgorithmIdentity algo,
                                           Frames frames) {
        return SegVolumes.instanceUid(series, classNames, algo, frames);
    }

    /** {@link #binaryVolume(SeriesSource, LabelMask, AlgorithmIdentity, Frames)} with {@link Frames#NON_EMPTY}. */
    public static byte[] binaryVolume(SeriesSource series, LabelMask mask, AlgorithmIdentity algo)
            throws DicomWriteException {
        return binaryVolume(series, mask, algo, Frames.NON_EMPTY);
    }

    /**
     * A multi-frame BINARY Segmentation of a DICOM series, in the series' own row order and geometry.
     *
     * <p>Segment v is {@code mask.classNames().get(v - 1)}, coded by {@link FindingCodes#of}. Frames are ordered by
     * segment, then by slice in volume order; frame (v, k) holds {@code mask == v} on slice k. Shared functional
     * groups: Pixel Measures (PixelSpacing, SliceThickness, SpacingBetweenSlices) and Plane Orientation; per frame:
     * Derivation Image (slice k's SOP Instance UID, purpose 121322), Frame Content (Dimension Index Values = (v,
     * k + 1)), Plane Position ({@code mask.geometry().indexToWorld(0, 0, k)}), Segment Identification (v).
     * Referenced Series Sequence lists every slice; the Frame of Reference UID is the series'.
     *
     * @param series the source series ({@link DicomSeries#readSources} or {@link DicomSeries#readWithSources})
     * @param mask   labels on {@code series.grid()} (same size, voxel positions within 0.001 mm), one class name per
     *               label value
     * @throws IllegalArgumentException when the mask is not on the series grid or has unnamed labels
     * @throws DicomWriteException      when the series has no Frame of Reference UID or encoding fails
     */
    public static byte[] binaryVolume(SeriesSource series, LabelMask mask, AlgorithmIdentity algo, Frames frames)
            throws DicomWriteException {
        return SegVolumes.write(series, mask, algo, frames);
    }

    /** Packs one bit per pixel, first pixel in the least significant bit, padded to an even length. */
    static byte[] pack(byte[] mask) {
        int n = (mask.length + 7) / 8;
        byte[] out = new byte[n + (n % 2)];
        int whole = mask.length >> 3;
        for (int o = 0; o < whole; o++) { // 8 pixels a byte from one word (a full-size film has millions)
            out[o] = (byte) ByteLanes.packBits(ByteLanes.nonZero(ByteLanes.word(mask, o << 3)));
        }
        for (int i = whole << 3; i < mask.length; i++) {
            out[i >> 3] |= (byte) (bit(mask[i]) << (i & 7));
        }
        return out;
    }

    private static int bit(byte b) {
        return b != 0 ? 1 : 0;
    }

    static OtherByteAttribute pixelData(byte[] packed) throws DicomException {
        OtherByteAttribute a = new OtherByteAttribute(TagFromName.PixelData);
        a.setValues(packed);
        return a;
    }
}
