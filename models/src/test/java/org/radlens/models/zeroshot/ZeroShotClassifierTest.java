package org.radlens.models.zeroshot;

import org.junit.jupiter.api.Test;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.testing.FakeEncoders;
import org.radlens.models.testing.Fixtures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ZeroShotClassifierTest {
    private static final Map<String, float[]> TEXT = Map.of(
            "pneumonia", new float[] {1, 0, 0},
            "consolidation", new float[] {0, 2, 0},
            "no pneumonia", new float[] {0, 0, 5},
            "effusion", new float[] {0, 1, 0},
            "no effusion", new float[] {1, 0, 0});

    private static ZeroShotClassifier classifier(float[] image) {
        var emb = Fixtures.embedding(image, Fixtures.grid(1, 1, new float[] {1, 0, 0}), null, null, 4, 4, 4);
        Map<String, FindingPrompts> defaults = new LinkedHashMap<>();
        defaults.put("pneumonia", new FindingPrompts(List.of("pneumonia", "consolidation"), List.of("no pneumonia")));
        return new ZeroShotClassifier(new FakeEncoders.Fixed(emb, false),
                new PromptCache(new FakeEncoders.Table(TEXT, Map.of()), 100), defaults, 10.0);
    }

    @Test
    void scoresWithPromptEnsemblesAndTheLogitScale() throws Exception {
        // image (1,1,0)/√2; positive ensemble (1,1,0)/√2 → cos 1; negative (0,0,1) → cos 0
        List<FindingScore> s = classifier(new float[] {3, 3, 0}).classify(Fixtures.image(4, 4));
        assertEquals(1, s.size());
        FindingScore f = s.get(0);
        assertEquals("pneumonia", f.finding());
        assertEquals(1.0, f.positiveSimilarity(), 1e-6);
        assertEquals(0.0, f.negativeSimilarity(), 1e-6);
        assertEquals(1 / (1 + Math.exp(-10.0)), f.probability(), 1e-6);
    }

    @Test
    void userFindingsOverrideAndExtendTheDefaults() throws Exception {
        ZeroShotClassifier c = classifier(new float[] {0, 0, 1});
        Map<String, FindingPrompts> user = Map.of("pneumonia",
                new FindingPrompts(List.of("no pneumonia"), List.of("pneumonia")),
                "effusion", new FindingPrompts(List.of("effusion"), List.of("no effusion")));
        Map<String, FindingPrompts> merged = c.withOverrides(user, false);
        assertEquals(2, merged.size());
        assertEquals(List.of("no pneumonia"), merged.get("pneumonia").positive());
        List<FindingScore> s = c.classify(Fixtures.image(4, 4), merged);
        FindingScore pneumonia = s.stream().filter(x -> x.finding().equals("pneumonia")).findFirst().orElseThrow();
        assertEquals(1.0, pneumonia.positiveSimilarity(), 1e-6);
        assertEquals(1 / (1 + Math.exp(-10.0)), pneumonia.probability(), 1e-6);
        FindingScore effusion = s.stream().filter(x -> x.finding().equals("effusion")).findFirst().orElseThrow();
        assertEquals(0.5, effusion.probability(), 1e-9);
        assertEquals(1, c.withOverrides(Map.of("effusion", user.get("effusion")), true).size());
    }

    @Test
    void userFindingsWithoutNegativesGetNoFinding() {
        FindingPrompts f = FindingPrompts.withDefaultNegative("effusion", List.of("pleural effusion"), List.of());
        assertEquals(List.of("no effusion"), f.negative());
        assertEquals(List.of("x"), FindingPrompts.withDefaultNegative("e", List.of("p"), List.of("x")).negative());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FindingPrompts(List.of("p"), List.of()));
    }
}
