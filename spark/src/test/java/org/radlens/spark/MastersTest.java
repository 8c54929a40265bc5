package org.radlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MastersTest {
    @Test
    void localMastersGetRetries() {
        assertEquals("local[2,4]", Masters.withRetries("local[2]"));
        assertEquals("local[*,4]", Masters.withRetries(null));
        System.setProperty("spark.master", "yarn"); // as spark-submit --master yarn sets it
        try {
            assertEquals("yarn", Masters.withRetries(null));
        } finally {
            System.clearProperty("spark.master");
        }
        assertEquals("local[1,4]", Masters.withRetries("local"));
        assertEquals("local[2,7]", Masters.withRetries("local[2,7]"));
        assertEquals("spark://h:7077", Masters.withRetries("spark://h:7077"));
        assertEquals("local-cluster[2,1,1024]", Masters.withRetries("local-cluster[2,1,1024]"));
    }

    @Test
    void slotsPerExecutor() {
        assertEquals(3, Masters.slotsPerExecutor("local[3,4]", 9));
        assertEquals(Runtime.getRuntime().availableProcessors(), Masters.slotsPerExecutor("local[*]", 9));
        assertEquals(1, Masters.slotsPerExecutor("local-cluster[2,1,1024]", 9));
        assertEquals(5, Masters.slotsPerExecutor("yarn", 5));
        assertEquals(1, Masters.slotsPerExecutor("spark://h:7077", 0));
        assertTrue(Masters.isLocalCluster("local-cluster[2, 1, 1024]"));
        assertFalse(Masters.isLocalCluster("local[2]"));
    }

    @Test
    void partitionsAndSliceSizes() {
        assertEquals(4, SparkScoreEngine.partitions(7, 64, 2));
        assertEquals(16, SparkScoreEngine.partitions(1000, 64, 2));
        assertEquals(1, SparkScoreEngine.partitions(0, 64, 2));
        assertEquals("[1, 2, 2, 2]", java.util.Arrays.toString(SparkScoreEngine.sliceSizes(7, 4)));
        assertEquals(1000, java.util.Arrays.stream(SparkScoreEngine.sliceSizes(1000, 16)).sum());
    }
}
