package org.radlens.models.grounding;

import org.junit.jupiter.api.Test;
import org.radlens.models.encode.PromptCache;
import org.radlens.models.encode.Stream;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.models.pkg.ModelManifest.PromptSets;
import org.radlens.models.testing.FakeEncoders;
import org.radlens.models.testing.Fixtures;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrounderTest {
    private static final float[] X = {1, 0};
    private static final float[] Y = {0, 1};

    private static Grounder grounder(boolean anatomyStream) {
        // pathology stream: bottom-right patch looks like X; anatomy stream: top-left patch looks like Y
        var path = Fixtures.grid(2, 2, Y, Y, Y, X);
        var anat = Fixtures.grid(2, 2, Y, X, X, X);
        var emb = Fixtures.embedding(new float[] {1, 0}, path, anatomyStream ? anat : null, null, 16, 16, 8);
        var text = new FakeEncoders.Table(Map.of("opacity", X, "left lung", X, "lung field", X), Map.of("lung field", Y));
        PromptSets prompts = new PromptSets(Map.of("pneumonia", new FindingPrompts(List.of("opacity"),
                List.of("lung field"))), Map.of("left lung", List.of("lung field")));
        return new Grounder(new FakeEncoders.Fixed(emb, anatomyStream), new PromptCache(text, 10), prompts);
    }

    @Test
    void heatMapIsInTheOriginalGridWithItsGeometryAndPeaksWhereThePatchMatches() throws Exception {
        HeatMap m = grounder(true).heatMap(Fixtures.image(16, 16), "opacity");
        assertEquals(16, m.width());
        assertEquals(16, m.height());
        assertEquals(Fixtures.GEOMETRY, m.geometry());
        assertEquals(Stream.PATHOLOGY, m.stream());
        assertEquals(1f, m.get(15, 15), 1e-6);
        assertEquals(0f, m.get(0, 0), 1e-6);
        assertTrue(m.get(12, 12) > m.get(4, 4));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 0, 1}, m.gridValues(), 1e-6f);
    }

    @Test
    void boxesCoverTheMatchingQuarter() throws Exception {
        Grounding g = grounder(true).locate(Fixtures.image(16, 16), "opacity");
        assertEquals(0.5, g.threshold(), 1e-6);
        PixelBox b = g.boxes().get(0);
        assertEquals(1.0, b.score(), 1e-6);
        assertTrue(b.x() >= 8 && b.y() >= 8 && b.x() + b.w() == 16 && b.y() + b.h() == 16, b.toString());
    }

    @Test
    void anatomyNamesUseTheirPromptsInTheAnatomyStream() throws Exception {
        Grounder g = grounder(true);
        assertEquals(Stream.ANATOMY, g.streamFor("left lung"));
        assertEquals(Stream.PATHOLOGY, g.streamFor("opacity"));
        HeatMap m = g.heatMap(Fixtures.image(16, 16), "left lung");
        assertEquals(Stream.ANATOMY, m.stream());
        assertEquals(1f, m.get(0, 0), 1e-6);   // anatomy prompt "lung field" is Y there; top-left anatomy patch is Y
        assertEquals(0f, m.get(15, 15), 1e-6);
    }

    @Test
    void withoutAnAnatomyStreamAnatomyQueriesFallBackToPathology() throws Exception {
        Grounder g = grounder(false);
        assertEquals(Stream.PATHOLOGY, g.streamFor("left lung"));
        assertEquals(Stream.PATHOLOGY, g.heatMap(Fixtures.image(16, 16), "left lung").stream());
        assertThrows(IllegalArgumentException.class, () -> g.heatMap(Fixtures.image(16, 16), " "));
    }
}
