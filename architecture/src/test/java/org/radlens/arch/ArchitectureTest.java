package org.radlens.cli.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every production class of RadLens against {@link ModuleRules}. The classes of the modules cli depends on
 * come from the classpath; fiji-plugin (which cli must not depend on) is read from {@code ../fiji-plugin/target/classes}
 * when the build has compiled it (always in a full {@code mvn verify}).
 */
class ArchitectureTest {
    static final Path FIJI_CLASSES = Path.of("..", "fiji-plugin", "target", "classes");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        Set<Location> locations = new HashSet<>(Locations.ofPackage("org.radlens"));
        if (Files.isDirectory(FIJI_CLASSES)) {
            locations.add(Location.of(FIJI_CLASSES));
        }
        production = importer.importLocations(locations);
    }

    static Stream<ArchRule> rules() {
        return ModuleRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionClassesFollowTheRule(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void importSeesTheModules() {
        assertFalse(inPackage("org.radlens.volume3d").isEmpty(), "no volume3d classes imported: rules would pass vacuously");
        assertFalse(inPackage("org.radlens.cli").isEmpty(), "no cli classes imported");
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().contains("archfixture")),
                "test fixtures leaked into the production import");
    }

    private static List<JavaClass> inPackage(String pkg) {
        return production.stream().filter(c -> c.getPackageName().startsWith(pkg)).toList();
    }
}
