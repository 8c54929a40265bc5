package org.radlens.dicomio.derived;

/**
 * One finding and its probability in [0, 1], as written into an SR measurement group.
 *
 * @param name        finding name as the model calls it (coded by {@link FindingCodes#of})
 * @param probability model probability, 0..1
 */
public record ScoredFinding(String name, double probability) {
    public ScoredFinding {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability of " + name + " must be in [0, 1], got " + probability);
        }
    }
}
