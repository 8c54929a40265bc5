package org.radlens.fiji.archfixture;

import org.radlens.validation.eval.ModelInfo;

/** Deliberately bad: the Fiji plugin importing validation (not in its row of the table). */
public class FijiUsesValidation {
    public String name(ModelInfo model) {
        return model.name();
    }
}
