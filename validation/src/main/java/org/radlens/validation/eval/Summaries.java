package org.radlens.validation.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Headline Markdown tables for reports, read from an evaluation's metrics tree. */
final class Summaries {
    private Summaries() {
    }

    static String zeroShot(Map<String, Object> m, List<ClassPrompts> classes) {
        StringBuilder sb = new StringBuilder("| class | positives | ROC AUC (DeLong CI) | bootstrap CI | PR AUC "
                + "| sensitivity / specificity at Youden | ECE |\n|---|---|---|---|---|---|---|\n");
        for (ClassPrompts c : classes) {
            String p = "per_class." + c.name() + ".";
            sb.append("| ").append(c.name()).append(" | ").append(num(m, p + "positives", "%.0f"))
                    .append(" | ").append(num(m, p + "roc_auc", "%.3f")).append(" (")
                    .append(range(m, p + "roc_auc_delong_ci")).append(") | ")
                    .append(range(m, p + "roc_auc_bootstrap_ci")).append(" | ")
                    .append(num(m, p + "average_precision", "%.3f")).append(" | ")
                    .append(num(m, p + "youden.sensitivity", "%.3f")).append(" / ")
                    .append(num(m, p + "youden.specificity", "%.3f")).append(" | ")
                    .append(num(m, p + "ece_10_bins", "%.3f")).append(" |\n");
        }
        sb.append("\nAccuracy (argmax) ").append(num(m, "accuracy", "%.3f")).append(", macro F1 ")
                .append(num(m, "macro_f1", "%.3f")).append(".\n");
        if (m.containsKey("comparison")) {
            sb.append("\n| class | ROC AUC A | ROC AUC B | A − B | p (paired DeLong) |\n|---|---|---|---|---|\n");
            for (ClassPrompts c : classes) {
                String p = "comparison." + c.name() + ".";
                sb.append("| ").append(c.name()).append(" | ").append(num(m, p + "auc_a", "%.3f")).append(" | ")
                        .append(num(m, p + "auc_b", "%.3f")).append(" | ").append(num(m, p + "difference", "%+.3f"))
                        .append(" | ").append(num(m, p + "p_value", "%.4f")).append(" |\n");
            }
        }
        return sb.toString();
    }

    static String grounding(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("| query | items | pointing game (95% Wilson) | mean IoU | mean Dice "
                + "| mean CNR |\n|---|---|---|---|---|---|\n");
        row(sb, "all", m);
        @SuppressWarnings("unchecked")
        Map<String, Object> per = (Map<String, Object>) m.getOrDefault("per_query", Map.of());
        per.forEach((q, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> qm = (Map<String, Object>) v;
            row(sb, q, qm);
        });
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Map<String, Object> m) {
        sb.append("| ").append(name).append(" | ").append(num(m, "pointing_game.n", "%.0f")).append(" | ")
                .append(num(m, "pointing_game.value", "%.3f")).append(" (")
                .append(num(m, "pointing_game.wilson_95_lower", "%.3f")).append("–")
                .append(num(m, "pointing_game.wilson_95_upper", "%.3f")).append(") | ")
                .append(num(m, "iou.mean", "%.3f")).append(" | ").append(num(m, "dice.mean", "%.3f")).append(" | ")
                .append(num(m, "cnr.mean", "%.2f")).append(" |\n");
    }

    static String segmentation(Map<String, Object> m) {
        return "| metric | mean ± sd | median (IQR) |\n|---|---|---|\n" + stat(m, "Dice", "dice", "%.3f")
                + stat(m, "IoU", "iou", "%.3f") + stat(m, "HD95 (mm)", "hd95_mm", "%.2f")
                + stat(m, "average surface distance (mm)", "asd_mm", "%.2f");
    }

    private static String stat(Map<String, Object> m, String label, String key, String f) {
        return "| " + label + " | " + num(m, key + ".mean", f) + " ± " + num(m, key + ".sd", f) + " | "
                + num(m, key + ".median", f) + " (" + num(m, key + ".q1", f) + "–" + num(m, key + ".q3", f) + ") |\n";
    }

    static String retrieval(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("| direction | R@1 | R@5 | R@10 |\n|---|---|---|---|\n");
        for (String d : List.of("image_to_text", "text_to_image")) {
            sb.append("| ").append(d.replace('_', ' ')).append(" | ").append(num(m, d + ".recall_at_1", "%.3f"))
                    .append(" | ").append(num(m, d + ".recall_at_5", "%.3f")).append(" | ")
                    .append(num(m, d + ".recall_at_10", "%.3f")).append(" |\n");
        }
        return sb.append("\nChance R@1: ").append(num(m, "chance_recall_at_1", "%.3f")).append(".\n").toString();
    }

    private static String range(Map<String, Object> m, String key) {
        return num(m, key + ".lower", "%.3f") + "–" + num(m, key + ".upper", "%.3f");
    }

    /** The number at a dotted path, formatted; "n/a" when absent or undefined. */
    static String num(Map<String, Object> m, String path, String format) {
        Object v = m;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return "n/a";
            }
            v = map.get(part);
        }
        return v instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, format, d) : "n/a";
    }
}
