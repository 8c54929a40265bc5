package org.radlens.validation.report;

/**
 * One curve of a chart: points (x[i], y[i]) joined in order.
 *
 * @param name legend text
 * @param x    x values
 * @param y    y values, same length
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length + " y");
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
