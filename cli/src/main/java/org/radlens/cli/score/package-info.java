/**
 * Batch scoring behind {@code radlens score} and {@code radlens listen}: items from files, folders, globs, DICOMweb or
 * DIMSE; parallel workers over one shared (thread-safe) model with a bounded queue; an append-only, fsync'd
 * {@link org.radlens.cli.score.Journal} that makes runs resumable; CSV / JSON Lines rebuilt from the journal so no row
 * is ever duplicated. Rows identify images by path relative to the input root or by SOP Instance UID, never by patient
 * data. This package only orchestrates: reading and DICOM writing live in dicom-io, inference in models.
 * {@link org.radlens.cli.score.ScoreBench} times the same runs ({@link org.radlens.cli.score.ScoreRuns}) for
 * {@code radlens bench score}, against a throw-away {@link org.radlens.cli.score.LocalOrthanc} for DICOMweb.
 */
package org.radlens.cli.score;
