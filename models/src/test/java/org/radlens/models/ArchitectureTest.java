package org.radlens.models;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ARCHITECTURE.md: models imports only volume3d, DJL (api, tokenizers), Gson and SLF4J; no engine types leak out. */
class ArchitectureTest {
    private static final JavaClasses MODELS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.radlens.models");

    @Test
    void modelsDependsOnlyOnVolume3dDjlGsonAndSlf4j() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.radlens.models..",
                "org.radlens.volume3d..", "ai.djl..", "com.google.gson..", "org.slf4j..").check(MODELS);
    }

    @Test
    void onlyTheEncodersTouchDjl() {
        noClasses().that().resideOutsideOfPackage("org.radlens.models.encode..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(MODELS);
    }

    @Test
    void noEngineRuntimeClassesAreUsedDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl.onnxruntime..",
                "ai.djl.pytorch..").check(MODELS);
    }
}
