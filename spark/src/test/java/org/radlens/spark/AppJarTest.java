package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppJarTest {
    @Test
    void localMastersAndGivenJarsShipNothing(@TempDir Path target) {
        Path classes = target.resolve("classes");
        assertNull(AppJar.sparkJars("local[2]", null, classes));
        assertNull(AppJar.sparkJars(null, null, classes));   // the default, local[*]
        assertNull(AppJar.sparkJars("local-cluster[2,1,1024]", null, classes));
        assertNull(AppJar.sparkJars("spark://h:7077", "/shared/radlens-spark-app.jar", classes));
        assertTrue(Masters.isLocal(" local "));
        assertTrue(!Masters.isLocal("yarn") && !Masters.isLocal("spark://h:7077"));
    }

    @Test
    void aClusterMasterShipsTheJarBesideTheModulesJarOrClasses(@TempDir Path target) throws Exception {
        Path jar = Files.createFile(target.resolve(AppJar.NAME));
        assertEquals(jar.toString(), AppJar.sparkJars("spark://h:7077", " ", target.resolve("classes")));
        assertEquals(jar.toString(), AppJar.sparkJars("yarn", null, target.resolve("radlens-spark.jar")));
        assertEquals(jar.toString(), AppJar.sparkJars("spark://h:7077", null, jar));   // run from the jar itself
    }

    @Test
    void aMissingJarIsNamedWithHowToBuildIt(@TempDir Path target) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AppJar.sparkJars("spark://h:7077", null, target.resolve("radlens-spark.jar")));
        assertTrue(e.getMessage().startsWith("--master spark://h:7077: the executors need the application jar "
                + target.resolve(AppJar.NAME)), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -pl spark -am package"), e.getMessage());
    }
}
