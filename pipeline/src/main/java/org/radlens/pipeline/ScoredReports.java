package org.radlens.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.derived.ReportContent;
import org.radlens.dicomio.derived.ScoredFinding;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.grounding.PixelBox;
import org.radlens.volume3d.LabelMask;

/** What {@link ScoringEngine} puts in the SR and SEG of a scored image besides the findings. */
final class ScoredReports {
    private ScoredReports() {
    }

    /**
     * What the SR reports besides the findings: the overlay query's grounding boxes and heat-map peak (when an overlay
     * was made), and segment 1's area in pixels ({@code lungPixels}, counted once by the caller) and mm² (when the mask
     * was made; the SEG written beside the SR holds it).
     */
    static ReportContent reportContent(List<ScoredFinding> findings, Grounding overlay, String overlayQuery,
                                       LabelMask mask, long lungPixels, double area) {
        ReportContent c = ReportContent.of(findings);
        if (overlay != null) {
            List<ReportContent.Box> boxes = new ArrayList<>();
            for (PixelBox b : overlay.boxes()) {
                boxes.add(new ReportContent.Box(overlayQuery, b.score(), b.x(), b.y(), b.x() + b.w(), b.y() + b.h()));
            }
            c = c.withBoxes(boxes).withPeak(peak(overlay.map(), overlayQuery));
        }
        return mask == null ? c : c.withArea(new ReportContent.SegmentArea(mask.classNames().get(0), lungPixels, area));
    }

    /** The heat map's maximum, at the centre of its pixel (SCOORD image coordinates). */
    static ReportContent.Peak peak(HeatMap map, String query) {
        int best = 0;
        float[] v = map.values();
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return new ReportContent.Peak(query, v[best], best % map.width() + 0.5, best / map.width() + 0.5);
    }
}
