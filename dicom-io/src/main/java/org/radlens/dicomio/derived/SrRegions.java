package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.SourceImage;

/**
 * The measurement groups of {@link StructuredReports} that carry image regions: a grounding box (TID 1410 planar
 * ROI, POLYLINE of its 4 corners, closed), the heat-map peak (TID 1410, POINT) and a segment's area (TID 1411 style,
 * Referenced Segment of the SEG). Each ROI group holds its region twice: as the group's Image Region (the standard's
 * place, where OHIF's adapters pick the tool by graphic type) and as the INFERRED FROM child of its first NUM (where
 * OHIF's adapters read the coordinates from).
 */
final class SrRegions {
    static final Code IMAGE_REGION = Code.dcm("111030", "Image Region");
    static final Code AREA = Code.sct("42798000", "Area");
    static final Code MM2 = new Code("mm2", "UCUM", "square millimeter");
    static final Code PIXELS = new Code("{pixels}", "UCUM", "pixels");
    /** Score of a grounding region on the model's heat map (no standard concept for a text-image similarity). */
    static final Code GROUNDING_SCORE = new Code("RL-GSCORE", Code.PRIVATE_SCHEME, "Grounding score");
    private static final Code FINDING_SITE = Code.sct("363698007", "Finding Site");
    private static final Code REFERENCED_SEGMENT = Code.dcm("121191", "Referenced Segment");
    private static final Code SOURCE_SERIES = Code.dcm("121232", "Source series for segmentation");

    private SrRegions() {
    }

    /** One group per box: Image Region POLYLINE, Area (mm² when the source has spacing, else pixels), score. */
    static AttributeList box(SourceImage src, ReportContent.Box b, List<AttributeList> head)
            throws DicomException {
        double[] corners = {b.column0(), b.row0(), b.column1(), b.row0(), b.column1(), b.row1(), b.column0(),
                b.row1(), b.column0(), b.row0()};
        double pixels = (b.column1() - b.column0()) * (b.row1() - b.row0());
        double[] spacing = src.header().pixelSpacing();
        AttributeList area = spacing == null ? SrItems.num("CONTAINS", AREA, pixels, PIXELS)
                : SrItems.num("CONTAINS", AREA, pixels * spacing[0] * spacing[1], MM2);
        SrItems.children(area, SrItems.scoord("INFERRED FROM", null, "POLYLINE", src, corners));
        List<AttributeList> items = new ArrayList<>(head);
        items.add(SrItems.code("CONTAINS", StructuredReports.PRESENCE, FindingCodes.of(b.finding())));
        items.add(SrItems.scoord("CONTAINS", IMAGE_REGION, "POLYLINE", src, corners));
        items.add(area);
        items.add(SrItems.num("CONTAINS", GROUNDING_SCORE, b.score(), StructuredReports.UNIT_ONE));
        return group(items);
    }

    /** The peak: Image Region POINT and its score, INFERRED FROM the point. */
    static AttributeList peak(SourceImage src, ReportContent.Peak p, List<AttributeList> head)
            throws DicomException {
        List<AttributeList> items = new ArrayList<>(head);
        items.add(SrItems.code("CONTAINS", StructuredReports.PRESENCE, FindingCodes.of(p.finding())));
        items.add(SrItems.scoord("CONTAINS", IMAGE_REGION, "POINT", src, p.column(), p.row()));
        items.add(SrItems.children(SrItems.num("CONTAINS", GROUNDING_SCORE, p.score(), StructuredReports.UNIT_ONE),
                SrItems.scoord("INFERRED FROM", null, "POINT", src, p.column(), p.row())));
        return group(items);
    }

    /** The segment's area in mm² and in pixels, with the SEG segment and source series it was measured on. */
    static AttributeList area(SourceImage src, ReportContent.SegmentArea a, String segUid, List<AttributeList> head)
            throws DicomException {
        List<AttributeList> items = new ArrayList<>(head);
        items.add(SrItems.code("HAS CONCEPT MOD", FINDING_SITE, FindingCodes.of(a.label())));
        items.add(SrItems.segment("CONTAINS", REFERENCED_SEGMENT, segUid, 1));
        items.add(SrItems.uidref("CONTAINS", SOURCE_SERIES, src.seriesInstanceUid()));
        items.add(SrItems.num("CONTAINS", AREA, a.squareMillimetres(), MM2));
        items.add(SrItems.num("CONTAINS", AREA, a.pixels(), PIXELS));
        return group(items);
    }

    private static AttributeList group(List<AttributeList> items) throws DicomException {
        return SrItems.children(SrItems.container("CONTAINS", Code.dcm("125007", "Measurement Group")),
                items.toArray(AttributeList[]::new));
    }
}
