package org.radlens.fiji.commands;

import ij.ImagePlus;
import org.radlens.fiji.UserError;

/** Checks a 1-based slice range of a stack: {@code to = 0} means the last slice. */
final class SliceRange {
    private SliceRange() {
    }

    /** {from, to, step}, validated. */
    static int[] check(ImagePlus imp, int from, int to, int step) throws UserError {
        int n = imp.getStackSize();
        int last = to == 0 ? n : to;
        if (from < 1 || last > n || from > last || step < 1) {
            throw new UserError("Slices " + from + " to " + to + " step " + step + " do not fit \"" + imp.getTitle()
                    + "\", which has " + n + " slice(s): use 1 <= from <= to <= " + n + " and step >= 1.");
        }
        return new int[] {from, last, step};
    }
}
