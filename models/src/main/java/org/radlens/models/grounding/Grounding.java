package org.radlens.models.grounding;

import java.util.List;

/**
 * A heat map and the boxes of its thresholded connected regions.
 *
 * @param map       the similarity map in the original image's grid
 * @param threshold the value boxes were cut at
 * @param boxes     highest score first
 */
public record Grounding(HeatMap map, double threshold, List<PixelBox> boxes) {
    public Grounding {
        boxes = List.copyOf(boxes);
    }
}
