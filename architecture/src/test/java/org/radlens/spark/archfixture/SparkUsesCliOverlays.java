package org.radlens.spark.archfixture;

import java.awt.image.BufferedImage;
import org.radlens.cli.Overlays;
import org.radlens.volume3d.Image2D;

/** Deliberately bad: spark importing a cli class that is not one of its temporary exceptions. */
public class SparkUsesCliOverlays {
    public BufferedImage render(Image2D image) {
        return Overlays.grey(image);
    }
}
