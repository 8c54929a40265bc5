package org.radlens.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radlens.cli.archfixture.CliUsesFiji;
import org.radlens.dicomio.archfixture.DicomUsesModels;
import org.radlens.dicomio.archfixture.DicomUsesVolume;
import org.radlens.fiji.archfixture.FijiUsesPipeline;
import org.radlens.fiji.archfixture.FijiUsesValidation;
import org.radlens.models.archfixture.FakeEncoder;
import org.radlens.models.archfixture.LeakyEncoder;
import org.radlens.pipeline.archfixture.PipelineUsesCli;
import org.radlens.spark.archfixture.SparkUsesCliOverlays;
import org.radlens.spark.archfixture.SparkUsesCliProgressBar;
import org.radlens.spark.archfixture.SparkUsesPipelineRows;
import org.radlens.validation.archfixture.ValidationUsesDjl;
import org.radlens.volume3d.archfixture.VolumeUsesCli;
import org.radlens.volume3d.archfixture.VolumeUsesGson;

/**
 * The rules must catch real violations: each fixture class (test sources, packages {@code *.archfixture}) is checked
 * alone, and exactly the expected rules must report it.
 */
class ArchitectureRulesTest {
    static final String SPARK_RULE = "SPARK may import only VOLUME3D, DICOM_IO, MODELS, PIPELINE";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(VolumeUsesCli.class,
                        Set.of("VOLUME3D may import only no other RadLens module",
                                "VOLUME3D depends only on the JDK and imglib2")),
                Arguments.of(VolumeUsesGson.class, Set.of("VOLUME3D depends only on the JDK and imglib2")),
                Arguments.of(DicomUsesModels.class, Set.of("DICOM_IO may import only VOLUME3D")),
                Arguments.of(CliUsesFiji.class,
                        Set.of("CLI may import only VOLUME3D, DICOM_IO, MODELS, VALIDATION, PIPELINE, BENCH")),
                Arguments.of(PipelineUsesCli.class, Set.of("PIPELINE may import only VOLUME3D, DICOM_IO, MODELS")),
                Arguments.of(ValidationUsesDjl.class, Set.of("only MODELS uses DJL")),
                Arguments.of(LeakyEncoder.class, Set.of("MODELS API types expose no DJL types")),
                Arguments.of(FijiUsesValidation.class,
                        Set.of("FIJI may import only VOLUME3D, DICOM_IO, MODELS, PIPELINE")),
                Arguments.of(FijiUsesPipeline.class, Set.of()),
                Arguments.of(SparkUsesCliOverlays.class, Set.of(SPARK_RULE)),
                Arguments.of(SparkUsesCliProgressBar.class, Set.of(SPARK_RULE)),
                Arguments.of(SparkUsesPipelineRows.class, Set.of()),
                Arguments.of(DicomUsesVolume.class, Set.of()),
                Arguments.of(FakeEncoder.class, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void exactlyTheExpectedRulesFail(Class<?> fixture, Set<String> expectedViolations) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixture);
        Set<String> violated = new TreeSet<>();
        for (ArchRule rule : ModuleRules.all()) {
            if (rule.evaluate(classes).hasViolation()) {
                violated.add(rule.getDescription());
            }
        }
        assertEquals(new TreeSet<>(expectedViolations), violated);
    }
}
