package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SliceSource;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Multi-frame Functional Groups, Multi-frame Dimension and Common Instance Reference modules of
 * {@link SegVolumes}' SEG. Geometry comes from the mask's {@link VoxelGeometry} (LPS, mm): frame of slice k sits at
 * {@code indexToWorld(0, 0, k)}, its rows run along axis j and its columns along axis i.
 */
final class SegVolumeGroups {
    private SegVolumeGroups() {
    }

    /** Two dimensions: Referenced Segment Number, then Image Position (Patient) of the plane position group. */
    static void dimensions(AttributeList l, String organisationUid) throws DicomException {
        AttributeList org = new AttributeList();
        DicomAttributes.put(org, TagFromName.DimensionOrganizationUID, organisationUid);
        DicomAttributes.seq(l, TagFromName.DimensionOrganizationSequence, org);
        DicomAttributes.put(l, TagFromName.DimensionOrganizationType, "3D");
        DicomAttributes.seq(l, TagFromName.DimensionIndexSequence,
                SegFrames.dimension(organisationUid, TagFromName.ReferencedSegmentNumber,
                        TagFromName.SegmentIdentificationSequence, "Segment Number"),
                SegFrames.dimension(organisationUid, TagFromName.ImagePositionPatient,
                        TagFromName.PlanePositionSequence, "Image Position Patient"));
    }

    /**
     * Pixel Measures (PixelSpacing = row spacing \ column spacing = spacing j \ i; SliceThickness of the source, or
     * the slice step when the source has none; SpacingBetweenSlices = slice step) and Plane Orientation (axis i, axis
     * j) for every frame.
     */
    static void shared(AttributeList l, SeriesSource s, VoxelGeometry g) throws DicomException {
        AttributeList measures = new AttributeList();
        DicomAttributes.put(measures, TagFromName.PixelSpacing, g.spacing(1), g.spacing(0));
        double thickness = s.reference().header().sliceThickness();
        DicomAttributes.put(measures, TagFromName.SliceThickness, thickness > 0 ? thickness : g.spacing(2));
        DicomAttributes.put(measures, TagFromName.SpacingBetweenSlices, g.spacing(2));
        AttributeList orient = new AttributeList();
        double[] i = g.axis(0);
        double[] j = g.axis(1);
        DicomAttributes.put(orient, TagFromName.ImageOrientationPatient, i[0], i[1], i[2], j[0], j[1], j[2]);
        AttributeList shared = new AttributeList();
        DicomAttributes.seq(shared, TagFromName.PixelMeasuresSequence, measures);
        DicomAttributes.seq(shared, TagFromName.PlaneOrientationSequence, orient);
        DicomAttributes.seq(l, TagFromName.SharedFunctionalGroupsSequence, shared);
    }

    /** Per frame: Derivation Image (the slice), Frame Content, Plane Position, Segment Identification. */
    static void perFrame(AttributeList l, SeriesSource s, VoxelGeometry g, List<SegVolumes.Frame> frames)
            throws DicomException {
        SequenceAttribute seq = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        for (SegVolumes.Frame f : frames) {
            seq.addItem(frame(s.slices().get(f.slice()), g.indexToWorld(0, 0, f.slice()), f));
        }
        l.put(seq);
    }

    private static AttributeList frame(SliceSource slice, double[] position, SegVolumes.Frame f)
            throws DicomException {
        AttributeList item = new AttributeList();
        DicomAttributes.seq(item, TagFromName.DerivationImageSequence,
                SegFrames.derivationImage(slice.sopClassUid(), slice.sopInstanceUid()));
        AttributeList content = new AttributeList();
        DicomAttributes.put(content, TagFromName.DimensionIndexValues, f.segment(), f.slice() + 1);
        DicomAttributes.seq(item, TagFromName.FrameContentSequence, content);
        AttributeList pos = new AttributeList();
        DicomAttributes.put(pos, TagFromName.ImagePositionPatient, position[0], position[1], position[2]);
        DicomAttributes.seq(item, TagFromName.PlanePositionSequence, pos);
        AttributeList segId = new AttributeList();
        DicomAttributes.put(segId, TagFromName.ReferencedSegmentNumber, f.segment());
        DicomAttributes.seq(item, TagFromName.SegmentIdentificationSequence, segId);
        return item;
    }

    /** Referenced Series Sequence: the series and every one of its instances (not only those with a frame). */
    static void referencedSeries(AttributeList l, SeriesSource s) throws DicomException {
        AttributeList series = new AttributeList();
        DicomAttributes.put(series, TagFromName.SeriesInstanceUID, s.seriesInstanceUid());
        SequenceAttribute instances = new SequenceAttribute(TagFromName.ReferencedInstanceSequence);
        for (SliceSource slice : s.slices()) {
            instances.addItem(DicomAttributes.sopRef(slice.sopClassUid(), slice.sopInstanceUid()));
        }
        series.put(instances);
        DicomAttributes.seq(l, TagFromName.ReferencedSeriesSequence, series);
    }
}
