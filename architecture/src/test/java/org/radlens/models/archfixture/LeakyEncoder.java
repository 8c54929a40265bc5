package org.radlens.models.archfixture;

/** Deliberately bad: a models API interface that hands out a DJL engine object. */
public interface LeakyEncoder {
    ai.djl.ndarray.NDArray encode(float[] pixels);
}
