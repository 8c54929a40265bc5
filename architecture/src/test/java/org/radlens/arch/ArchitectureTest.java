package org.radlens.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /** The exceptions list only classes that exist and that spark still uses: a moved class must leave the list. */
    @Test
    void everyTemporaryExceptionIsStillUsed() {
        for (var e : ModuleRules.TEMPORARY_EXCEPTIONS.entrySet()) {
            Set<String> used = new TreeSet<>();
            for (JavaClass c : inPackage(e.getKey().pkg)) {
                c.getDirectDependenciesFromSelf().forEach(d -> used.add(d.getTargetClass().getName().split("\\$")[0]));
            }
            Set<String> stale = new TreeSet<>(e.getValue());
            stale.removeAll(used);
            assertTrue(stale.isEmpty(), e.getKey() + " no longer imports " + stale + ": remove them from "
                    + "ModuleRules.TEMPORARY_EXCEPTIONS");
        }
    }

    private static List<JavaClass> inPackage(String pkg) {
        return production.stream().filter(c -> c.getPackageName().startsWith(pkg)).toList();
    }
}
