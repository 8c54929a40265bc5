package org.radlens.models.archfixture;

import org.radlens.volume3d.Image2D;

/** Allowed: models using volume3d. */
public class FakeEncoder {
    public float[] encode(Image2D image) {
        return new float[] {image.get(0, 0)};
    }
}
