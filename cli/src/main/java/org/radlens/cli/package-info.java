/**
 * The {@code radlens} command line: thin picocli adapters over the library services.
 *
 * <p>Coordinate convention: JSON output ({@code radlens info}) reports DICOM patient coordinates, LPS, millimetres;
 * NIfTI written by {@code radlens convert} stores the equivalent RAS affine, as every NIfTI reader expects.
 */
package org.radlens.cli;
