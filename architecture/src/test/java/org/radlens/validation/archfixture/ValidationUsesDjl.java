package org.radlens.validation.archfixture;

/** Deliberately bad: validation handling a DJL engine object instead of plain results. */
public class ValidationUsesDjl {
    public long size(ai.djl.ndarray.NDArray scores) {
        return scores.size();
    }
}
