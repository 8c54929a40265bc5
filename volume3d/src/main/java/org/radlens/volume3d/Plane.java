package org.radlens.volume3d;

/**
 * The three standard viewing planes of a volume in the canonical LPS frame (i → L, j → P, k → S), in radiological
 * display convention: patient right on the image's left, superior (coronal, sagittal) or anterior (axial) at the top.
 *
 * <ul>
 *   <li>{@link #AXIAL}: fixed k; columns along +i (towards L), rows along +j (towards P).</li>
 *   <li>{@link #CORONAL}: fixed j; columns along +i, rows along −k (from S down to I).</li>
 *   <li>{@link #SAGITTAL}: fixed i; columns along +j (towards P), rows along −k.</li>
 * </ul>
 */
public enum Plane {
    AXIAL(2, 0, 1, false),
    CORONAL(1, 0, 2, true),
    SAGITTAL(0, 1, 2, true);

    private final int fixedAxis;
    private final int columnAxis;
    private final int rowAxis;
    private final boolean rowsFlipped;

    Plane(int fixedAxis, int columnAxis, int rowAxis, boolean rowsFlipped) {
        this.fixedAxis = fixedAxis;
        this.columnAxis = columnAxis;
        this.rowAxis = rowAxis;
        this.rowsFlipped = rowsFlipped;
    }

    /** Volume axis held fixed (0 = i, 1 = j, 2 = k). */
    public int fixedAxis() {
        return fixedAxis;
    }

    /** Volume axis that runs along image columns. */
    public int columnAxis() {
        return columnAxis;
    }

    /** Volume axis that runs along image rows. */
    public int rowAxis() {
        return rowAxis;
    }

    /** True when image rows run against the volume axis (superior at the top). */
    public boolean rowsFlipped() {
        return rowsFlipped;
    }
}
