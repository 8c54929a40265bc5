/**
 * What {@code radlens score} adds to pipeline's batch scoring: the terminal {@link org.radlens.cli.score.ProgressBar}.
 */
package org.radlens.cli.score;
