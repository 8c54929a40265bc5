/**
 * Reading medical images into geometry-correct {@code Image2D}/{@code Volume}s: DICOM (PixelMed + jai-imageio-jpeg2000
 * behind {@link org.radlens.dicomio.DicomReader} and {@link org.radlens.dicomio.DicomSeries}), NIfTI-1/-2
 * ({@link org.radlens.dicomio.nifti.NiftiReader}, {@link org.radlens.dicomio.nifti.NiftiWriter}), PNG/JPEG, with
 * format detection by content in {@link org.radlens.dicomio.ImageFiles}.
 *
 * <p>This package holds the API that callers use (readers, headers, sources, errors) and the DICOM parse (prescan,
 * PixelMed, pixel conversion); the parts live beside it: {@code codec} (our pixel decoders, chosen by transfer
 * syntax), {@code nifti} (NIfTI read/write), {@code derived} (SR, SEG and Secondary Capture writers), {@code scope}
 * (the input gate), {@code web}, {@code dimse}, {@code tls} (networking) and {@code reference}.
 *
 * <p>Coordinate convention: everything returned is in DICOM patient coordinates, LPS, millimetres, voxel index
 * (i, j, k) = (column, row, slice), zero-based, voxel centres. NIfTI's RAS appears only inside
 * {@link org.radlens.dicomio.nifti.NiftiHeader} and is converted at the reader's edge
 * ({@code LPS = diag(−1, −1, 1)·RAS}).
 *
 * <p>Errors are checked {@link org.radlens.dicomio.ImageReadException}s that name the file; nothing here logs at
 * INFO (PixelMed's java.util.logging output is switched off).
 */
package org.radlens.dicomio;
