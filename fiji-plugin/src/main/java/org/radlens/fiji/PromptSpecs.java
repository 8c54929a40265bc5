package org.radlens.fiji;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;

/**
 * The prompt text users type into "Classify Chest X-ray": entries separated by {@code ;} or new lines, each
 * {@code finding: positive | positive / negative | negative}. Without a {@code /} part the package's negatives for
 * that finding are used, else {@code "No <finding>."}.
 *
 * <pre>{@code
 * Map<String, FindingPrompts> p = PromptSpecs.parse("effusion: pleural effusion / no pleural effusion", defaults);
 * }</pre>
 */
public final class PromptSpecs {
    private PromptSpecs() {
    }

    /** Parsed findings in the order written; empty text gives an empty map. */
    public static Map<String, FindingPrompts> parse(String text, Map<String, FindingPrompts> defaults)
            throws UserError {
        Map<String, FindingPrompts> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String entry : text.split("[;\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new UserError("Prompt entry \"" + entry.trim() + "\" needs the form "
                        + "\"finding: positive prompt | another / negative prompt\".");
            }
            String name = entry.substring(0, colon).trim();
            String[] posNeg = entry.substring(colon + 1).split("/", 2);
            List<String> pos = list(posNeg[0]);
            List<String> neg = posNeg.length > 1 ? list(posNeg[1]) : List.of();
            if (neg.isEmpty()) {
                neg = defaults.containsKey(name) ? defaults.get(name).negative() : List.of("No " + name + ".");
            }
            if (pos.isEmpty()) {
                throw new UserError("Finding \"" + name + "\" has no positive prompt (text before \"/\").");
            }
            out.put(name, new FindingPrompts(pos, neg));
        }
        return out;
    }

    private static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\|")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }
}
