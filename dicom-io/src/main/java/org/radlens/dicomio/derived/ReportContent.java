package org.radlens.dicomio.derived;

import java.util.List;
import java.util.Objects;

/**
 * What a TID 1500 report says about one image, beyond the scored findings: grounding boxes and the heat-map peak
 * (image coordinates), the area of a segment of the image's SEG, and the input gate's outcome when it flagged the
 * image. Values only; {@link StructuredReports} turns them into content items.
 *
 * <pre>{@code
 * ReportContent c = ReportContent.of(findings)
 *         .withBoxes(List.of(new ReportContent.Box("pneumonia", 0.71, 102, 60, 230, 250)))
 *         .withPeak(new ReportContent.Peak("pneumonia", 0.93, 160.5, 140.5))
 *         .withArea(new ReportContent.SegmentArea("lungs", 52_000, 2_080.0))
 *         .withGateOutcome("flagged:lateral (ViewPosition LL)");
 * }</pre>
 *
 * @param findings    one TID 1501 group each
 * @param boxes       grounding boxes, one planar ROI (TID 1410) each; may be empty
 * @param peak        the heat map's maximum as a point ROI, or null
 * @param area        segment 1 of the SEG written for the same source and model, or null when none was written
 * @param gateOutcome the input gate's outcome when it flagged the input, "" when it did not
 */
public record ReportContent(List<ScoredFinding> findings, List<Box> boxes, Peak peak, SegmentArea area,
                            String gateOutcome) {
    public ReportContent {
        findings = List.copyOf(findings);
        boxes = List.copyOf(boxes);
        Objects.requireNonNull(gateOutcome, "gateOutcome");
    }

    /** Findings only. */
    public static ReportContent of(List<ScoredFinding> findings) {
        return new ReportContent(findings, List.of(), null, null, "");
    }

    public ReportContent withBoxes(List<Box> b) {
        return new ReportContent(findings, b, peak, area, gateOutcome);
    }

    public ReportContent withPeak(Peak p) {
        return new ReportContent(findings, boxes, p, area, gateOutcome);
    }

    public ReportContent withArea(SegmentArea a) {
        return new ReportContent(findings, boxes, peak, a, gateOutcome);
    }

    /** @param outcome e.g. "flagged:lateral"; null or "" = not flagged */
    public ReportContent withGateOutcome(String outcome) {
        return new ReportContent(findings, boxes, peak, area, outcome == null ? "" : outcome);
    }

    /**
     * A grounding box in image coordinates (DICOM SCOORD convention: column, row; (0, 0) is the top-left corner of
     * the top-left pixel), from its top-left corner (column0, row0) to its bottom-right corner (column1, row1).
     *
     * @param finding what the box was grounded for (coded by {@link FindingCodes#of})
     * @param score   the heat map's score of the box (unit 1)
     */
    public record Box(String finding, double score, double column0, double row0, double column1, double row1) {
        public Box {
            if (!(column1 > column0 && row1 > row0) || column0 < 0 || row0 < 0) {
                throw new IllegalArgumentException("box of " + finding + " needs 0 <= column0 < column1 and 0 <= row0"
                        + " < row1, got (" + column0 + ", " + row0 + ")-(" + column1 + ", " + row1 + ")");
            }
        }
    }

    /** The heat map's maximum at (column, row) in image coordinates (pixel centres at +0.5), its value {@code score}. */
    public record Peak(String finding, double score, double column, double row) {
    }

    /**
     * The area of segment 1 ({@code label}) of the SEG written for the same source and model.
     *
     * @param pixels            pixels in the segment
     * @param squareMillimetres the same area in mm² (pixels × row spacing × column spacing)
     */
    public record SegmentArea(String label, long pixels, double squareMillimetres) {
    }
}
