/**
 * DICOM objects derived from a source image by a model: Comprehensive SR after TID 1500
 * ({@link org.radlens.dicomio.derived.StructuredReports}), binary Segmentation
 * ({@link org.radlens.dicomio.derived.Segmentations}, 2D and multi-frame over a series) and Secondary Capture
 * overlays ({@link org.radlens.dicomio.derived.SecondaryCaptures}). Each object inherits the source's patient and
 * study ({@link org.radlens.dicomio.SourceImage}), names the model
 * ({@link org.radlens.dicomio.derived.AlgorithmIdentity}) and gets UIDs derived from source, model and kind
 * ({@link org.radlens.dicomio.derived.DerivedUids}), so that writing twice gives the same instances. Errors are {@link org.radlens.dicomio.derived.DicomWriteException}s.
 */
package org.radlens.dicomio.derived;
