package org.radlens.validation.bench;

import java.util.List;
import java.nio.file.Path;

/**
 * One decode workload of {@code radlens bench io}: the files read once per repetition and how.
 *
 * @param workload    label, e.g. {@code CT slice 512x512 16-bit, uncompressed}
 * @param format      reader family
 * @param files       files read once per repetition (in order)
 * @param repetitions timed repetitions for this workload
 */
public record IoCase(String workload, Format format, List<Path> files, int repetitions) {
    /** Reader family; Java reads through dicom-io, the peer through pydicom or nibabel. */
    public enum Format {
        DICOM("pydicom"), NIFTI("nibabel");

        private final String peerModule;

        Format(String peerModule) {
            this.peerModule = peerModule;
        }

        /** The Python module the peer needs. */
        public String peerModule() {
            return peerModule;
        }
    }

    public IoCase {
        files = List.copyOf(files);
        if (files.isEmpty() || repetitions < 1) {
            throw new IllegalArgumentException("a case needs files and repetitions >= 1: " + workload + ", "
                    + files.size() + " files, " + repetitions + " repetitions");
        }
    }
}
