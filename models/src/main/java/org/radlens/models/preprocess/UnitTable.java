package org.radlens.models.preprocess;

/**
 * {@link Intensities#unit}{@code (v, lo, hi − lo)} with its values for the integers from ⌊lo⌋ to ⌈hi⌉ computed once:
 * stored values of 8–16-bit films are integers, so mapping a full-size film (7.5 million samples) costs a table
 * lookup per sample instead of a division. Any other value (fractions, NaN, integers outside the table) is computed as
 * before, so every result is the same float as {@code Intensities.unit}'s.
 */
final class UnitTable {
    /** Largest table (entries); wider ranges map every value by the formula. */
    private static final int MAX_ENTRIES = 1 << 20;
    /** Integers of float magnitude below this are exact. */
    private static final float EXACT_INTS = 1 << 24;

    private final float lo;
    private final float span;
    private final int base;
    private final float[] table;

    private UnitTable(float lo, float span, int base, float[] table) {
        this.lo = lo;
        this.span = span;
        this.base = base;
        this.table = table;
    }

    /** The mapping of {@code [lo, hi]} to {@code [0, 1]}, with a table when the range allows one. */
    static UnitTable of(float lo, float hi) {
        float span = hi - lo;
        boolean tabled = span > 0 && Math.abs(lo) < EXACT_INTS && Math.abs(hi) < EXACT_INTS
                && Math.ceil(hi) - Math.floor(lo) + 1 <= MAX_ENTRIES;
        if (!tabled) {
            return new UnitTable(lo, span, 0, new float[0]);
        }
        int base = (int) Math.floor(lo);
        float[] table = new float[(int) Math.ceil(hi) - base + 1];
        for (int k = 0; k < table.length; k++) {
            table[k] = Intensities.unit(base + k, lo, span);
        }
        return new UnitTable(lo, span, base, table);
    }

    /** {@code Intensities.unit(v, lo, hi − lo)}. */
    float apply(float v) {
        int iv = (int) v;
        int k = iv - base;
        // the same bits as an integer: not a fraction, not NaN ((int) NaN is 0), not −0.0 (which maps to −0.0)
        if (Float.floatToRawIntBits(iv) == Float.floatToRawIntBits(v) && k >= 0 && k < table.length) {
            return table[k];
        }
        return Intensities.unit(v, lo, span);
    }
}
