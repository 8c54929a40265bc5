/**
 * {@code radlens bench score}: images/hour of the scoring pipeline end to end ({@link org.radlens.bench.ScoreBench}
 * times pipeline's {@code ScoreRuns}, the code path of {@code radlens score}; {@link org.radlens.bench.ScoreBenchReport}
 * prints and writes the rows), from a folder and through DICOMweb against a throw-away
 * {@link org.radlens.bench.LocalOrthanc}, which the CLI's network tests start too.
 */
package org.radlens.bench;
