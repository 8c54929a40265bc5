/** Label masks from a segmentation head, or from thresholded grounding maps when a package has no head. */
package org.radlens.models.segmentation;
