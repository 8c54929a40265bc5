package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;

class PromptSpecsTest {
    private static final Map<String, FindingPrompts> DEFAULTS =
            Map.of("pneumonia", new FindingPrompts(List.of("Pneumonia."), List.of("Clear lungs.")));

    @Test
    void parsesPositivesNegativesAndFallsBackToDefaultNegatives() throws UserError {
        Map<String, FindingPrompts> p = PromptSpecs.parse(
                "effusion: pleural effusion | fluid / no effusion;\npneumonia: consolidation\nmass: lung mass", DEFAULTS);
        assertEquals(List.of("effusion", "pneumonia", "mass"), List.copyOf(p.keySet()));
        assertEquals(List.of("pleural effusion", "fluid"), p.get("effusion").positive());
        assertEquals(List.of("no effusion"), p.get("effusion").negative());
        assertEquals(List.of("Clear lungs."), p.get("pneumonia").negative());
        assertEquals(List.of("No mass."), p.get("mass").negative());
        assertTrue(PromptSpecs.parse("  ", DEFAULTS).isEmpty());
    }

    @Test
    void malformedEntriesSayWhatFormIsExpected() {
        UserError e = assertThrows(UserError.class, () -> PromptSpecs.parse("just text", DEFAULTS));
        assertTrue(e.getMessage().contains("finding: positive prompt"), e.getMessage());
        assertThrows(UserError.class, () -> PromptSpecs.parse("x: / only negative", DEFAULTS));
    }
}
