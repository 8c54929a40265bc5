package org.radlens.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every metric against the committed scikit-learn / scikit-image / scipy expectations (make_golden.py). */
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> classification() throws IOException {
        return cases("classification", GoldenChecks::classification, 15);
    }

    @TestFactory
    Stream<DynamicTest> delong() throws IOException {
        return cases("delong", GoldenChecks::delong, 6);
    }

    @TestFactory
    Stream<DynamicTest> retrieval() throws IOException {
        return cases("retrieval", GoldenChecks::retrieval, 4);
    }

    @TestFactory
    Stream<DynamicTest> segmentation() throws IOException {
        return cases("segmentation", GoldenChecks::segmentation, 12);
    }

    @TestFactory
    Stream<DynamicTest> grounding() throws IOException {
        return cases("grounding", GoldenChecks::grounding, 6);
    }

    private static Stream<DynamicTest> cases(String family, Consumer<JsonObject> check, int atLeast)
            throws IOException {
        List<JsonObject> cases = GoldenCases.load(family);
        assertTrue(cases.size() >= atLeast, family + " golden file has only " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(family + " " + c.get("name").getAsString(),
                () -> check.accept(c)));
    }
}
