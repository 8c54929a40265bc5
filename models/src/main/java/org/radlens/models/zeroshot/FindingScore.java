package org.radlens.models.zeroshot;

/**
 * Zero-shot score of one finding.
 *
 * @param finding            finding name
 * @param probability        {@code softmax(logit_scale·[positiveSimilarity, negativeSimilarity])[0]}, in [0, 1]
 * @param positiveSimilarity cosine of the image embedding with the positive prompt ensemble
 * @param negativeSimilarity cosine of the image embedding with the negative prompt ensemble
 */
public record FindingScore(String finding, double probability, double positiveSimilarity, double negativeSimilarity) {
}
