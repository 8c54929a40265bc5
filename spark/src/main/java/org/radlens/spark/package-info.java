/**
 * {@code radlens score --engine spark}: the in-process batch scorer ({@code org.radlens.pipeline}) run on Apache
 * Spark. The driver lists inputs and splits them into partitions; each executor JVM opens the model once
 * ({@link org.radlens.spark.ExecutorModels}); each task scores its items with pipeline's {@link org.radlens.pipeline.FolderScoring} and
 * commits a per-partition journal atomically ({@link org.radlens.spark.PartitionJournals}); the driver merges committed
 * journals into {@code journal.jsonl} (dedup by item id) and rebuilds CSV, JSON Lines and Parquet from it.
 */
package org.radlens.spark;
