package org.radlens.cli;

import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --finding NAME}, {@code --prompt [NAME=]TEXT} and {@code --negative NAME=TEXT} into the findings to
 * score. With none of them, the package's defaults. A named default keeps the prompts the user does not replace; a new
 * finding without {@code --negative} gets the negative prompt {@code "no NAME"}.
 */
final class FindingArgs {
    private FindingArgs() {
    }

    static Map<String, FindingPrompts> resolve(Map<String, FindingPrompts> defaults, List<String> names,
                                               List<String> prompts, List<String> negatives, CommandSpec spec) {
        if (names.isEmpty() && prompts.isEmpty() && negatives.isEmpty()) {
            return defaults;
        }
        Map<String, List<String>> pos = group(prompts, true, spec);
        Map<String, List<String>> neg = group(negatives, false, spec);
        List<String> order = new ArrayList<>(names);
        pos.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        neg.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        Map<String, FindingPrompts> out = new LinkedHashMap<>();
        for (String name : order) {
            FindingPrompts d = defaults.get(name);
            List<String> p = pos.getOrDefault(name, d != null ? d.positive() : List.of(name));
            List<String> n = neg.getOrDefault(name, d != null ? d.negative() : List.of());
            out.put(name, FindingPrompts.withDefaultNegative(name, p, n));
        }
        return out;
    }

    private static Map<String, List<String>> group(List<String> args, boolean nameOptional, CommandSpec spec) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0 && !nameOptional) {
                throw new ParameterException(spec.commandLine(), "--negative needs NAME=TEXT, got '" + a + "'");
            }
            String name = eq < 0 ? a : a.substring(0, eq).trim();
            String text = eq < 0 ? a : a.substring(eq + 1).trim();
            if (name.isEmpty() || text.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "empty finding name or prompt in '" + a + "'");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
        }
        return out;
    }
}
