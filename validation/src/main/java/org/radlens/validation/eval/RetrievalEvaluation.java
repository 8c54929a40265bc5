package org.radlens.validation.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.validation.metrics.RecallAtK;
import org.radlens.validation.metrics.Retrieval;
import org.radlens.validation.report.EvalReport;
import org.radlens.validation.report.Reports;

/**
 * Image–text retrieval over a manifest of pairs (columns {@code image}, {@code text}): cosine similarity of the
 * embeddings, recall at 1, 5 and 10 in both directions (ties count against the model).
 */
public final class RetrievalEvaluation {
    private RetrievalEvaluation() {
    }

    public static EvalReport run(Manifest m, EmbeddingSource source, EvalSettings st)
            throws ManifestException, EvalException, IOException {
        m.requireColumns("image", "text");
        List<String> problems = new ArrayList<>();
        m.rows().stream().filter(r -> r.get("text").isBlank())
                .forEach(r -> problems.add("line " + r.line() + ": empty text"));
        if (!problems.isEmpty()) {
            throw new ManifestException(m.file() + ": retrieval pairs need text", problems);
        }
        m.requireFiles("image");
        OutputDir.prepare(st.out(), st.force());
        String fp = "retrieval|" + source.model().sha256() + "|" + m.sha256();
        List<String> failures = new ArrayList<>();
        List<ItemLoop.Scored> scored;
        try (ItemCache cache = ItemCache.open(st.out(), fp)) {
            scored = ItemLoop.run(m.rows(), r -> r.line() + ":" + r.get("image"), r -> embed(m, r, source), cache,
                    failures);
        }
        ItemLoop.requireSome(scored, failures);
        Map<String, Integer> textIds = new LinkedHashMap<>();
        int[] textOf = scored.stream().mapToInt(s -> textIds.computeIfAbsent(s.row().get("text"),
                k -> textIds.size())).toArray();
        RecallAtK r = Retrieval.recallAtK(similarity(scored, textOf, textIds.size()), textOf, 1, 5, 10);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("distinct_texts", (double) textIds.size());
        metrics.put("image_to_text", recallMap(r.imageToText()));
        metrics.put("text_to_image", recallMap(r.textToImage()));
        metrics.put("chance_recall_at_1", 1.0 / textIds.size());
        EvalReport report = new EvalReport("retrieval", scored.size(), metrics, source.model().name(),
                source.model().sha256(), m.origin(), m.sha256(), failures, Map.of(),
                List.of("similarity = cosine of the embeddings; the candidate pool is every pair evaluated; "
                                + "identical texts are one candidate (text to image: a hit when its best paired "
                                + "image ranks within K among the other images)",
                        "rank of the true partner = candidates scoring >= it (ties count against the model)"),
                Summaries.retrieval(metrics));
        Reports.write(st.out(), report);
        return report;
    }

    private static Map<String, Object> recallMap(Map<Integer, Double> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k : new int[] {1, 5, 10}) {
            m.put("recall_at_" + k, r.get(k));
        }
        return m;
    }

    private static JsonObject embed(Manifest m, Manifest.Row r, EmbeddingSource s) throws SourceException {
        JsonObject o = new JsonObject();
        o.add("image", array(s.embedImage(m.resolve(r.get("image")))));
        o.add("text", array(s.embedText(r.get("text"))));
        return o;
    }

    private static JsonArray array(float[] v) throws SourceException {
        double norm = 0;
        for (float f : v) {
            norm += (double) f * f;
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new SourceException("embedding has zero or non-finite norm (" + v.length + " values)");
        }
        JsonArray a = new JsonArray();
        for (float f : v) {
            a.add(f / Math.sqrt(norm));
        }
        return a;
    }

    /** [image][distinct text] cosine similarities. */
    private static double[][] similarity(List<ItemLoop.Scored> scored, int[] textOf, int texts)
            throws EvalException {
        int n = scored.size();
        double[][] img = new double[n][];
        double[][] txt = new double[texts][];
        for (int i = 0; i < n; i++) {
            img[i] = Vectors.of(scored.get(i).value().getAsJsonArray("image"));
            double[] t = Vectors.of(scored.get(i).value().getAsJsonArray("text"));
            if (img[i].length != t.length || img[i].length != img[0].length) {
                throw new EvalException("embedding sizes differ: image " + img[i].length + ", text " + t.length
                        + ", first image " + img[0].length + " (row " + scored.get(i).row().line() + ")");
            }
            if (txt[textOf[i]] == null) {
                txt[textOf[i]] = t;
            }
        }
        double[][] sim = new double[n][texts];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < texts; j++) {
                double d = 0;
                for (int k = 0; k < img[i].length; k++) {
                    d += img[i][k] * txt[j][k];
                }
                sim[i][j] = d;
            }
        }
        return sim;
    }

    /** JSON array → double[]. */
    private static final class Vectors {
        static double[] of(JsonArray a) {
            double[] d = new double[a.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.get(i).getAsDouble();
            }
            return d;
        }
    }
}
