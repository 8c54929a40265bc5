package org.radlens.validation.metrics;

import java.util.Map;

/**
 * Cross-modal retrieval recall at K in both directions.
 *
 * @param imageToText K → fraction of images whose paired text ranks within the top K
 * @param textToImage K → fraction of (distinct) texts whose best paired image ranks within the top K
 * @param n           number of images (pairs)
 */
public record RecallAtK(Map<Integer, Double> imageToText, Map<Integer, Double> textToImage, int n) {
    public RecallAtK {
        imageToText = Map.copyOf(imageToText);
        textToImage = Map.copyOf(textToImage);
    }
}
