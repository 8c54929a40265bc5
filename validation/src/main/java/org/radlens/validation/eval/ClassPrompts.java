package org.radlens.validation.eval;

import java.util.List;

/**
 * A class to score and, optionally, the prompts that describe it. Empty prompts mean "use the model's own prompts
 * for the finding with this name".
 *
 * @param name            class name as it appears in the manifest's label column
 * @param prompts         user prompts describing the class (positive), possibly empty
 * @param negativePrompts user prompts describing its absence (for models that contrast positive and negative
 *                        prompts), possibly empty
 */
public record ClassPrompts(String name, List<String> prompts, List<String> negativePrompts) {
    public ClassPrompts {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("class name must not be blank: '" + name + "'");
        }
        prompts = List.copyOf(prompts);
        negativePrompts = List.copyOf(negativePrompts);
    }

    /** A class with positive prompts only. */
    public ClassPrompts(String name, List<String> prompts) {
        this(name, prompts, List.of());
    }
}
