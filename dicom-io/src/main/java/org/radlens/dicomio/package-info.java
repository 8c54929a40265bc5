/**
 * Reading medical images into geometry-correct {@code Image2D}/{@code Volume}s: DICOM (PixelMed + jai-imageio-jpeg2000
 * behind {@link org.radlens.dicomio.DicomReader} and {@link org.radlens.dicomio.DicomSeries}), NIfTI-1/-2
 * ({@link org.radlens.dicomio.NiftiReader}, {@link org.radlens.dicomio.NiftiWriter}), PNG/JPEG, with format detection
 * by content in {@link org.radlens.dicomio.ImageFiles}.
 *
 * <p>Coordinate convention: everything returned is in DICOM patient coordinates, LPS, millimetres, voxel index
 * (i, j, k) = (column, row, slice), zero-based, voxel centres. NIfTI's RAS appears only inside
 * {@link org.radlens.dicomio.NiftiHeader} and is converted at this package's edge ({@code LPS = diag(−1, −1, 1)·RAS}).
 *
 * <p>Errors are checked {@link org.radlens.dicomio.ImageReadException}s that name the file; nothing here logs at
 * INFO (PixelMed's java.util.logging output is switched off).
 */
package org.radlens.dicomio;
