package org.radlens.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every production class of every RadLens module against {@link ModuleRules}. All modules are test
 * dependencies of this module (its pom), so their classes are always on the class path, whatever was built before;
 * a module whose classes are missing fails {@link #everyModuleIsImported}, it is never skipped.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.radlens");
    }

    static Stream<ArchRule> rules() {
        return ModuleRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionClassesFollowTheRule(ArchRule rule) {
        rule.check(production);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModuleRules.Module.class)
    void everyModuleIsImported(ModuleRules.Module m) {
        assertFalse(inPackage(m.pkg).isEmpty(), "no " + m + " classes (" + m.pkg + ") on the class path: its rule "
                + "would pass vacuously; is the module missing from architecture/pom.xml?");
    }

    @Test
    void noFixtureLeaksIntoTheProductionImport() {
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().contains("archfixture")),
                "test fixtures leaked into the production import");
    }

    private static List<JavaClass> inPackage(String pkg) {
        return production.stream().filter(c -> c.getPackageName().startsWith(pkg)).toList();
    }
}
