/**
 * I/O conformance suites: dicom-io's readers against the pydicom / nibabel reference files of the shared data
 * ({@link org.radlens.validation.conformance.ConformanceSuites},
 * {@link org.radlens.dicomio.reference.DicomReferenceCheck} (dicom-io, shared with its own conformance tests),
 * {@link org.radlens.validation.conformance.NiftiConformance}, counts in
 * {@link org.radlens.validation.conformance.ConformanceTally}).
 */
package org.radlens.validation.conformance;
