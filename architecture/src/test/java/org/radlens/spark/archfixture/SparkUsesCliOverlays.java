package org.radlens.spark.archfixture;

import org.radlens.cli.Overlays;

/** Deliberately bad: spark importing a cli class. */
public class SparkUsesCliOverlays {
    public String name(String query) {
        return Overlays.slug(query);
    }
}
