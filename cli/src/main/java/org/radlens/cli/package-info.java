/**
 * The {@code radlens} command line: thin picocli adapters over the library services. Images enter through
 * {@link org.radlens.cli.ImageSource} ({@link org.radlens.cli.ImageSources#standard()} picks the reader); exit codes are
 * 0 success, 1 failure of the work (a failed image still leaves an error row), 2 usage error.
 *
 * <p>Coordinate convention: JSON output ({@code radlens info}) reports DICOM patient coordinates, LPS, millimetres;
 * NIfTI written by {@code radlens convert} stores the equivalent RAS affine, as every NIfTI reader expects.
 */
package org.radlens.cli;
