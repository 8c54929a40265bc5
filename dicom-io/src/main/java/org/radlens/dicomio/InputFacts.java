package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What an input is, from its header only (no pixels decoded, no patient data): the format found by content and, for
 * DICOM, Modality (0008,0060), SOP Class UID (0008,0016), View Position (0018,5101), Body Part Examined (0018,0015)
 * and Number of Frames. The input gate ({@link org.radlens.dicomio.scope.ScopeGate}) decides on these.
 *
 * <pre>{@code
 * InputFacts f = InputFacts.read(Path.of("MR_small.dcm"));   // DICOM, "MR", 1.2.840.10008.5.1.4.1.1.4, "", "", 1
 * }</pre>
 *
 * @param format           format by content
 * @param modality         upper case, "" when absent or not DICOM
 * @param sopClassUid      "" when absent or not DICOM
 * @param viewPosition     upper case, "" when absent
 * @param bodyPartExamined upper case, "" when absent
 * @param frames           number of frames (1 when absent or not DICOM)
 */
public record InputFacts(ImageFormat format, String modality, String sopClassUid, String viewPosition,
                         String bodyPartExamined, int frames) {
    /** Modalities whose multi-frame objects are volumes (slices through the body). */
    private static final Set<String> CROSS_SECTIONAL = Set.of("CT", "MR", "PT", "NM");

    public InputFacts {
        modality = upper(modality);
        sopClassUid = sopClassUid == null ? "" : sopClassUid.trim();
        viewPosition = upper(viewPosition);
        bodyPartExamined = upper(bodyPartExamined);
        frames = Math.max(1, frames);
    }

    /** Facts of a DICOM object. */
    public static InputFacts dicom(String modality, String sopClassUid, String viewPosition, String bodyPart,
                                   int frames) {
        return new InputFacts(ImageFormat.DICOM, modality, sopClassUid, viewPosition, bodyPart, frames);
    }

    /** Facts of a non-DICOM input (PNG, JPEG, NIfTI, a folder): only its format is known. */
    public static InputFacts of(ImageFormat format) {
        return new InputFacts(format, "", "", "", "", 1);
    }

    /**
     * Reads the facts of {@code path}: the format by content, and for DICOM the header (parsed up to the pixel
     * data, never decoded). A DICOM header that cannot be parsed fails with {@link ImageReadException} naming the
     * file.
     */
    public static InputFacts read(Path path) throws ImageReadException {
        ImageFormat format = ImageFormat.detect(path);
        if (format != ImageFormat.DICOM) {
            return of(format);
        }
        DicomFile f = DicomFile.open(path, false);
        AttributeList l = f.list;
        return dicom(f.header.modality(), SourceImage.sopClassUid(l), text(l, TagFromName.ViewPosition),
                text(l, TagFromName.BodyPartExamined), f.header.frames());
    }

    /** True for NIfTI files, folders (DICOM series) and multi-frame CT/MR/PET/NM objects. */
    public boolean isVolume() {
        return switch (format) {
            case NIFTI, NIFTI_GZ, NIFTI_PAIR, FOLDER -> true;
            case DICOM -> frames > 1 && CROSS_SECTIONAL.contains(modality);
            default -> false;
        };
    }

    private static String text(AttributeList l, AttributeTag t) {
        return Attribute.getSingleStringValueOrEmptyString(l, t).trim();
    }

    private static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
