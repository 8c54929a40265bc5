/**
 * Manifest-driven preprocessing: grey, intensity to [0, 1], letterbox onto the model's square input (with the
 * {@link org.radlens.models.preprocess.LetterboxTransform} that maps back to original pixels), normalisation.
 */
package org.radlens.models.preprocess;
