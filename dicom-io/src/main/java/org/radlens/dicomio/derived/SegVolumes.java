package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SourceImage;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.VolumeGrid;

/**
 * The multi-frame binary SEG of {@link Segmentations#binaryVolume}: checks the mask against the series, plans the
 * frames (segment-major, slices in volume order), packs the bits and assembles the modules; the functional groups and
 * dimensions are {@link SegVolumeGroups}'.
 */
final class SegVolumes {
    /** Largest distance (mm) between a mask voxel and the series' voxel at the same index. */
    static final double GRID_TOLERANCE_MM = 1e-3;
    private static final Code ALTERED_STRUCTURE = Code.sct("49755003", "Morphologically Altered Structure");
    private static final String LUNG = "39607008";

    /** One frame: segment number (1-based) and slice index k (0-based) of the source series. */
    record Frame(int segment, int slice) {
    }

    private SegVolumes() {
    }

    static String instanceUid(SeriesSource s, List<String> labels, AlgorithmIdentity algo,
                              Segmentations.Frames frames) {
        return DerivedUids.derive(s.seriesInstanceUid(), algo.sha256(), "seg-volume",
                String.join("\u001f", labels), frames.name());
    }

    static byte[] write(SeriesSource s, LabelMask mask, AlgorithmIdentity algo, Segmentations.Frames selection)
            throws DicomWriteException {
        checkGrid(s, mask);
        byte[] voxels = mask.labels(); // one copy, shared by the checks, the plan and the packing
        checkLabels(voxels, mask.classNames());
        List<String> labels = mask.classNames();
        List<Frame> frames = plan(voxels, mask.width() * mask.height(), mask.depth(), labels.size(), selection);
        SourceImage ref = s.reference();
        if (s.seriesInstanceUid().isEmpty()) {
            throw new DicomWriteException("SEG for a series of study " + ref.studyInstanceUid(), "the source "
                    + "series has no Series Instance UID to reference (blanked by de-identification?)");
        }
        if (ref.frameOfReferenceUid().isEmpty()) {
            throw new DicomWriteException("SEG for series " + s.seriesInstanceUid(), "the source has no Frame of "
                    + "Reference UID, so plane positions cannot be tied to it");
        }
        try {
            AttributeList l = DerivedObjects.common(ref, algo, DerivedObjects.Kind.SEG, SOPClass.SegmentationStorage);
            String uid = instanceUid(s, labels, algo, selection);
            DicomAttributes.put(l, TagFromName.SOPInstanceUID, uid);
            String content = labels.size() == 1 ? labels.get(0) : "segmentation";
            SegFrames.image(l, mask.height(), mask.width(), frames.size(),
                    pack(voxels, mask.width() * mask.height(), frames), content);
            l.put(segments(labels, algo));
            SegVolumeGroups.dimensions(l, DerivedUids.derive(uid, "dimension-organization"));
            SegVolumeGroups.shared(l, s, mask.geometry());
            SegVolumeGroups.perFrame(l, s, mask.geometry(), frames);
            SegVolumeGroups.referencedSeries(l, s);
            DicomAttributes.put(l, TagFromName.FrameOfReferenceUID, ref.frameOfReferenceUid());
            DicomAttributes.put(l, TagFromName.PositionReferenceIndicator);
            return DerivedObjects.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("SEG for series " + s.seriesInstanceUid(), e);
        }
    }

    /** The mask must lie on the series grid: same size, same voxel positions (within {@link #GRID_TOLERANCE_MM}). */
    static void checkGrid(SeriesSource s, LabelMask m) {
        VolumeGrid g = s.grid();
        if (!m.grid().sameGrid(g, GRID_TOLERANCE_MM)) {
            throw new IllegalArgumentException("mask " + m.width() + "x" + m.height() + "x" + m.depth() + " "
                    + m.geometry() + " is not on the grid of series " + s.seriesInstanceUid() + ": " + g);
        }
    }

    /** Every label value must have a class name. */
    static void checkLabels(byte[] labels, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the mask names no classes; a SEG needs one name per label");
        }
        for (byte b : labels) {
            if ((b & 0xff) > names.size()) {
                throw new IllegalArgumentException("mask has label " + (b & 0xff) + " but only " + names.size()
                        + " class names " + names);
            }
        }
    }

    /**
     * Frames segment by segment, slices in volume order: every slice ({@code ALL}) or the slices where the segment
     * has a voxel ({@code NON_EMPTY}; a segment with no voxel at all keeps its first slice, so every segment has a
     * frame).
     */
    static List<Frame> plan(byte[] labels, int plane, int depth, int segments, Segmentations.Frames selection) {
        boolean[][] present = new boolean[segments + 1][depth];
        for (int i = 0; i < labels.length; i++) {
            present[labels[i] & 0xff][i / plane] = true;
        }
        List<Frame> out = new ArrayList<>();
        for (int seg = 1; seg <= segments; seg++) {
            int before = out.size();
            for (int k = 0; k < depth; k++) {
                if (selection == Segmentations.Frames.ALL || present[seg][k]) {
                    out.add(new Frame(seg, k));
                }
            }
            if (out.size() == before) {
                out.add(new Frame(seg, 0));
            }
        }
        return out;
    }

    /**
     * Frame f's pixel p (row-major) is bit {@code f·rows·columns + p} of the pixel data, least significant bit first,
     * frames not padded to byte boundaries (PS3.5 8.1.1), the whole padded to an even length.
     */
    static byte[] pack(byte[] labels, int plane, List<Frame> frames) {
        long bits = (long) plane * frames.size();
        long bytes = (bits + 7) / 8;
        if (bytes + 1 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(frames.size() + " frames of " + plane + " pixels exceed 2 GiB");
        }
        byte[] out = new byte[(int) (bytes + (bytes % 2))];
        long bit = 0;
        for (Frame f : frames) {
            int base = f.slice() * plane;
            for (int p = 0; p < plane; p++, bit++) {
                if ((labels[base + p] & 0xff) == f.segment()) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return out;
    }

    private static com.pixelmed.dicom.SequenceAttribute segments(List<String> labels, AlgorithmIdentity algo)
            throws DicomException {
        com.pixelmed.dicom.SequenceAttribute seq = new com.pixelmed.dicom.SequenceAttribute(
                TagFromName.SegmentSequence);
        for (int i = 0; i < labels.size(); i++) {
            Code type = FindingCodes.of(labels.get(i));
            seq.addItem(SegFrames.segmentItem(i + 1, type, category(type), labels.get(i), algo));
        }
        return seq;
    }

    /**
     * Segmented property category: standard (SCT) finding codes are {@code 49755003 "Morphologically Altered
     * Structure"}; lung and the private codes of other names (anatomy, as the segmentation heads produce) are
     * {@code 91723000 "Anatomical Structure"}.
     */
    static Code category(Code type) {
        boolean finding = "SCT".equals(type.scheme()) && !LUNG.equals(type.value());
        return finding ? ALTERED_STRUCTURE : SegFrames.ANATOMICAL_STRUCTURE;
    }
}
