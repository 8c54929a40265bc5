package org.radlens.validation.eval;

import java.util.List;

/**
 * A class to score and, optionally, the prompts that describe it. Empty prompts mean "use the model's own prompts
 * for the finding with this name".
 *
 * @param name    class name as it appears in the manifest's label column
 * @param prompts user prompts (positive descriptions), possibly empty
 */
public record ClassPrompts(String name, List<String> prompts) {
    public ClassPrompts {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("class name must not be blank: '" + name + "'");
        }
        prompts = List.copyOf(prompts);
    }
}
