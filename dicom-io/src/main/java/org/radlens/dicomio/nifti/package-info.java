/**
 * NIfTI-1/-2 reading ({@link org.radlens.dicomio.nifti.NiftiReader}: {@code .nii}, {@code .nii.gz}, {@code .hdr/.img})
 * and NIfTI-1 writing ({@link org.radlens.dicomio.nifti.NiftiWriter}). Geometry: sform when {@code sform_code > 0},
 * else qform, else nibabel's Analyze default; RAS ↔ LPS only in {@code NiftiGeometry}, so everything returned is in
 * LPS millimetres like the DICOM readers' output. Dimensions are checked against the bytes the file can hold before
 * anything is allocated.
 */
package org.radlens.dicomio.nifti;
