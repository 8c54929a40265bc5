/**
 * Conformance against reference decoders: one record of the pydicom/nibabel {@code expected.json} files compared with
 * what dicom-io reads. Used by dicom-io's own conformance tests and by validation's conformance suites.
 *
 * <p>Coordinate convention: reference geometry (ImagePositionPatient, ImageOrientationPatient) is DICOM LPS, mm.
 */
package org.radlens.dicomio.reference;
