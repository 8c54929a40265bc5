/**
 * Batch scoring as a library, the one pipeline behind {@code radlens score}, {@code radlens listen}, the Spark engine
 * and Fiji's batch command: items from files, folders and globs ({@link org.radlens.pipeline.FileInputs}) or DICOMweb
 * ({@link org.radlens.pipeline.DicomWebScoring}); the input gate and one item scorer
 * ({@link org.radlens.pipeline.ScoringEngine}); parallel workers over one shared (thread-safe) model with a bounded
 * queue ({@link org.radlens.pipeline.BatchRunner}); an append-only, fsync'd {@link org.radlens.pipeline.Journal} that
 * makes runs resumable and retries transient failures ({@link org.radlens.pipeline.ScoreErrors}); result rows
 * ({@link org.radlens.pipeline.ResultRow}) and CSV / JSON Lines rebuilt from the journal so no row is ever duplicated
 * ({@link org.radlens.pipeline.OutputFiles}). Rows identify images by path relative to the input root or by SOP
 * Instance UID, never by patient data. This package only orchestrates: reading and DICOM writing live in dicom-io,
 * inference in models. Applications plug in through {@link org.radlens.pipeline.Progress} (how finished items are
 * shown) and {@link org.radlens.pipeline.ScoreEngineProvider} (other engines, e.g. Spark).
 *
 * <pre>{@code
 * try (RadLensModel model = ScoreModels.open(null, 2); Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
 *     ScoringEngine engine = new ScoringEngine(model, true);
 *     BatchRunner.Summary s = ScoreRuns.files(engine, journal, List.of("in/"), out, true, 2, 4, n -> Progress.NONE);
 *     OutputFiles.write(out, journal.rows());
 * }
 * }</pre>
 */
package org.radlens.pipeline;
