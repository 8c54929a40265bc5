package org.radlens.spark;

import org.radlens.pipeline.ScoreEngineProvider;

/**
 * {@code radlens score --engine spark-fault-test}: the production {@link SparkScoreEngine} with the test's
 * {@link PartitionScorer.BeforeCommit} ({@link #inject}). Registered through {@code META-INF/services} of the test
 * class path only, so the production jar has no injection switch.
 */
public final class FaultInjectingSparkEngine implements ScoreEngineProvider {
    static final String NAME = "spark-fault-test";
    private static volatile PartitionScorer.BeforeCommit next = PartitionScorer.BeforeCommit.NONE;

    /** The fault the next run injects; {@link PartitionScorer.BeforeCommit#NONE} resets it. */
    static void inject(PartitionScorer.BeforeCommit fault) {
        next = fault;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome score(Request request) throws Exception {
        return new SparkScoreEngine(next).score(request);
    }
}
