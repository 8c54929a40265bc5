/**
 * Overlay pixels, rendered once for every caller: {@link org.radlens.pipeline.render.OverlayRenderer} (grey image,
 * heat map with boxes, mask outlines, RGB bytes of a Secondary Capture).
 */
package org.radlens.pipeline.render;
