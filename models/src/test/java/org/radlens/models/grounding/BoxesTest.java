package org.radlens.models.grounding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxesTest {

    @Test
    void boxesBoundEightConnectedRegionsBestFirst() {
        float[] m = {
            0, 0, 0, 0, 0, 0,
            0, 5, 0, 0, 0, 0,
            0, 0, 6, 0, 2, 2,
            0, 0, 0, 0, 2, 0,
            0, 0, 0, 0, 0, 0,
        };
        List<PixelBox> b = Boxes.fromMap(m, 6, 5, 1, 1);
        assertEquals(List.of(new PixelBox(1, 1, 2, 2, 6), new PixelBox(4, 2, 2, 2, 2)), b);
    }

    @Test
    void smallRegionsAreDroppedAndNothingAboveGivesNoBoxes() {
        float[] m = {1, 0, 0, 0, 0, 0, 1, 1};
        assertEquals(List.of(new PixelBox(2, 1, 2, 1, 1)), Boxes.fromMap(m, 4, 2, 0.5, 2));
        assertEquals(List.of(), Boxes.fromMap(m, 4, 2, 2, 1));
    }

    @Test
    void iouOfBoxes() {
        assertEquals(1.0, new PixelBox(0, 0, 2, 2, 0).iou(new PixelBox(0, 0, 2, 2, 1)));
        assertEquals(1 / 7.0, new PixelBox(0, 0, 2, 2, 0).iou(new PixelBox(1, 1, 2, 2, 0)), 1e-12);
        assertEquals(0.0, new PixelBox(0, 0, 1, 1, 0).iou(new PixelBox(5, 5, 1, 1, 0)));
    }
}
