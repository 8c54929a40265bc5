package org.radlens.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark master URLs as {@code radlens score --master} takes them. Spark's {@code local[N]} never retries a failed
 * task, so it is run as {@code local[N,4]} (as many attempts as a cluster's default {@code spark.task.maxFailures}).
 */
public final class Masters {
    /** Default master: every local core, with retries. */
    public static final String DEFAULT = "local[*]";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,"
            + "\\s*(\\d+)\\s*\\]");

    private Masters() {
    }

    /**
     * {@code master} with task retries in local mode; null means the {@code spark.master} system property (set by
     * {@code spark-submit --master}) or else {@link #DEFAULT}.
     */
    public static String withRetries(String master) {
        String m = master != null ? master.trim() : System.getProperty("spark.master", DEFAULT).trim();
        Matcher l = LOCAL.matcher(m);
        if (l.matches() && l.group(2) == null) {
            return "local[" + (l.group(1) == null ? "1" : l.group(1)) + ",4]";
        }
        return m;
    }

    /**
     * Concurrent tasks per executor JVM (they share one model and the CPU): N for local[N], all cores for local[*],
     * the cores per worker for local-cluster[n,c,m], else {@code executorCores} (spark.executor.cores; 1 if unset).
     */
    public static int slotsPerExecutor(String master, int executorCores) {
        String m = master == null ? DEFAULT : master.trim();
        Matcher l = LOCAL.matcher(m);
        if (l.matches()) {
            String n = l.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        Matcher c = LOCAL_CLUSTER.matcher(m);
        if (c.matches()) {
            return Integer.parseInt(c.group(2));
        }
        return Math.max(1, executorCores);
    }

    /** True for masters whose executors run from this machine's class path: local modes and local-cluster. */
    public static boolean isLocal(String master) {
        String m = master == null ? DEFAULT : master.trim();
        return LOCAL.matcher(m).matches() || LOCAL_CLUSTER.matcher(m).matches();
    }

    /** True for local-cluster masters, whose executors are separate JVMs started from a Spark distribution. */
    public static boolean isLocalCluster(String master) {
        return master != null && LOCAL_CLUSTER.matcher(master.trim()).matches();
    }
}
