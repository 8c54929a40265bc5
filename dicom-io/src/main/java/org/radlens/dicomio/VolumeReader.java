package org.radlens.dicomio;

import java.nio.file.Path;
import org.radlens.dicomio.nifti.NiftiReader;
import org.radlens.volume3d.Volume;

/**
 * Something that reads a {@link Volume} (LPS geometry) from a path. Contract (checked for every implementation by
 * {@code VolumeReaderContractTest}): failures are {@link ImageReadException}s naming the path, never unchecked
 * exceptions; results carry finite positive spacing and orthonormal directions.
 *
 * <pre>{@code
 * VolumeReader r = VolumeReader.AUTO;      // or DICOM_SERIES, DICOM_FILE, NIFTI
 * Volume v = r.read(Path.of("ct.nii.gz"));
 * }</pre>
 */
@FunctionalInterface
public interface VolumeReader {
    /** Reads the volume at {@code path}. */
    Volume read(Path path) throws ImageReadException;

    /** Format detected by content ({@link ImageFiles#readVolume}). */
    VolumeReader AUTO = ImageFiles::readVolume;
    /** A folder holding one DICOM series ({@link DicomSeries#readVolume}). */
    VolumeReader DICOM_SERIES = DicomSeries::readVolume;
    /** One (multi-frame) DICOM file ({@link DicomReader#readVolume}). */
    VolumeReader DICOM_FILE = DicomReader::readVolume;
    /** NIfTI-1/-2, first 3D volume ({@link NiftiReader#readVolume}). */
    VolumeReader NIFTI = NiftiReader::readVolume;
}
