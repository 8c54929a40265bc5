package org.radlens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "who may import whom" table of ARCHITECTURE.md as ArchUnit rules (one per module), plus two rules that keep DJL
 * inside models. Every rule allows an empty selection, so that it can run against any subset of classes (the
 * fixtures, a partial build); {@link ArchitectureTest} checks separately that the real import is not empty.
 */
final class ModuleRules {

    /** The RadLens modules and their root packages. */
    enum Module {
        VOLUME3D("org.radlens.volume3d"), DICOM_IO("org.radlens.dicomio"), MODELS("org.radlens.models"),
        VALIDATION("org.radlens.validation"), PIPELINE("org.radlens.pipeline"), BENCH("org.radlens.bench"),
        FIJI("org.radlens.fiji"), CLI("org.radlens.cli"), SPARK("org.radlens.spark");

        final String pkg;

        Module(String pkg) {
            this.pkg = pkg;
        }
    }

    /**
     * Which other RadLens modules each module may import (ARCHITECTURE.md, "Modules and who may import whom"; bench,
     * the benchmarks of {@code radlens bench score} and their local Orthanc, is cli's benchmark library). Spark never
     * imports cli: the CLI finds the spark engine at run time ({@code ScoreEngineProvider}).
     */
    static final Map<Module, Set<Module>> MAY_IMPORT = Map.of(
            Module.VOLUME3D, EnumSet.noneOf(Module.class),
            Module.DICOM_IO, EnumSet.of(Module.VOLUME3D),
            Module.MODELS, EnumSet.of(Module.VOLUME3D),
            Module.VALIDATION, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS),
            Module.PIPELINE, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS),
            Module.BENCH, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS, Module.VALIDATION,
                    Module.PIPELINE),
            Module.FIJI, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS, Module.PIPELINE),
            Module.CLI, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS, Module.VALIDATION,
                    Module.PIPELINE, Module.BENCH),
            Module.SPARK, EnumSet.of(Module.VOLUME3D, Module.DICOM_IO, Module.MODELS, Module.PIPELINE));

    /** Outside dependencies volume3d may have: the JDK and imglib2 core. */
    static final String[] VOLUME3D_MAY_USE = {"java..", "javax..", "jdk..", "net.imglib2..", "org.radlens.volume3d.."};

    private ModuleRules() {
    }

    /** One rule per module for the table, then volume3d's JDK-only rule, then the DJL rules. */
    static List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>();
        for (Module m : Module.values()) {
            rules.add(moduleRule(m));
        }
        rules.add(volume3dUsesOnlyJdk());
        rules.add(djlOnlyInModels());
        rules.add(modelsApiWithoutDjl());
        return rules;
    }

    static ArchRule moduleRule(Module m) {
        Set<Module> allowed = MAY_IMPORT.get(m);
        String[] forbidden = EnumSet.allOf(Module.class).stream()
                .filter(o -> o != m && !allowed.contains(o)).map(o -> o.pkg + "..").toArray(String[]::new);
        String names = allowed.isEmpty() ? "no other RadLens module"
                : allowed.stream().map(Module::name).collect(Collectors.joining(", "));
        return noClasses().that().resideInAPackage(m.pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .as(m + " may import only " + names).allowEmptyShould(true);
    }

    static ArchRule volume3dUsesOnlyJdk() {
        return classes().that().resideInAPackage("org.radlens.volume3d..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(VOLUME3D_MAY_USE)
                .as("VOLUME3D depends only on the JDK and imglib2").allowEmptyShould(true);
    }

    /** Callers of models get plain records, never engine objects: no module but models touches DJL. */
    static ArchRule djlOnlyInModels() {
        return noClasses().that().resideInAPackage("org.radlens..")
                .and().resideOutsideOfPackage("org.radlens.models..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .as("only MODELS uses DJL").allowEmptyShould(true);
    }

    /** Public interfaces and records of models (its API) name no DJL type in public signatures. */
    static ArchRule modelsApiWithoutDjl() {
        DescribedPredicate<JavaClass> apiType = DescribedPredicate.describe("public interfaces and records",
                c -> c.getModifiers().contains(JavaModifier.PUBLIC) && (c.isInterface() || c.isRecord()));
        return classes().that().resideInAPackage("org.radlens.models..").and(apiType)
                .should(notExposeDjl())
                .as("MODELS API types expose no DJL types").allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> notExposeDjl() {
        return new ArchCondition<>("not expose ai.djl types in public signatures") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!u.getModifiers().contains(JavaModifier.PUBLIC)) {
                        continue;
                    }
                    List<JavaClass> types = new ArrayList<>(u.getRawParameterTypes());
                    types.add(u.getRawReturnType());
                    for (JavaClass t : types) {
                        JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                        if (base.getPackageName().startsWith("ai.djl")) {
                            events.add(SimpleConditionEvent.violated(u,
                                    u.getFullName() + " exposes " + base.getName()));
                        }
                    }
                }
            }
        };
    }
}
