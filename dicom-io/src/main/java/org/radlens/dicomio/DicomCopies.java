package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.derived.DerivedUids;
import org.radlens.dicomio.derived.DicomWriteException;

/**
 * Copies of one DICOM file that a PACS or a batch run sees as distinct instances: each copy gets its own Study,
 * Series and SOP Instance UID (and the matching MediaStorageSOPInstanceUID), derived from {@code seed} and the copy's
 * index with {@link DerivedUids}, so the same call always writes the same files. Everything else, the pixel data and
 * the transfer syntax included, is kept as read. Meant for benchmarks and load tests, not for anonymisation.
 *
 * <pre>{@code
 * List<Path> files = DicomCopies.withNewUids(Path.of("samples/cxr.dcm"), Path.of("/tmp/in"), 200, "bench");
 * }</pre>
 */
public final class DicomCopies {
    private DicomCopies() {
    }

    /**
     * Writes {@code n} copies of {@code source} as {@code folder/copy-00000.dcm}, … (folder created) and returns
     * them in order.
     *
     * @throws IllegalArgumentException n &lt; 0
     * @throws ImageReadException       the source cannot be read as DICOM
     * @throws DicomWriteException      a copy cannot be written (cause chained)
     */
    public static List<Path> withNewUids(Path source, Path folder, int n, String seed)
            throws ImageReadException, DicomWriteException {
        if (n < 0) {
            throw new IllegalArgumentException("number of copies must be >= 0: " + n);
        }
        AttributeList list = DicomFile.readAsStored(source);
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        if (syntax.isEmpty()) {
            throw new CorruptFileException(source, "no TransferSyntaxUID in the file meta information");
        }
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < n; i++) {
                String index = String.valueOf(i);
                String sop = sopInstanceUid(seed, i);
                DicomAttributes.put(list, TagFromName.StudyInstanceUID, DerivedUids.derive(seed, index, "study"));
                DicomAttributes.put(list, TagFromName.SeriesInstanceUID, DerivedUids.derive(seed, index, "series"));
                DicomAttributes.put(list, TagFromName.SOPInstanceUID, sop);
                DicomAttributes.put(list, TagFromName.MediaStorageSOPInstanceUID, sop);
                Path file = folder.resolve(String.format("copy-%05d.dcm", i));
                list.write(file.toFile(), syntax, true, true);
                out.add(file);
            }
        } catch (IOException | DicomException e) {
            throw new DicomWriteException("copy of " + source + " into " + folder, e);
        }
        return out;
    }

    /** The SOP Instance UID that {@link #withNewUids} gives copy {@code index} made with {@code seed}. */
    public static String sopInstanceUid(String seed, int index) {
        return DerivedUids.derive(seed, String.valueOf(index), "sop");
    }
}
