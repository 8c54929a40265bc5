package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.List;

/**
 * The identity of a DICOM source image that derived objects (SR, SEG) reference and inherit: SOP, study and series
 * UIDs, modality, size, spacing and frame of reference, plus the Patient and General Study module attributes that a
 * derived object must carry to be filed with its source. Those patient attributes stay inside this class and the
 * objects it helps write; {@link #toString()} and every accessor expose UIDs only.
 *
 * <pre>{@code
 * SourceImage src = SourceImage.read(Path.of("cxr.dcm"));
 * byte[] sr = StructuredReports.measurementReport(src, findings, algorithm);
 * }</pre>
 */
public final class SourceImage {
    /** Copied verbatim into derived objects (type 2 attributes become empty when the source lacks them). */
    private static final List<AttributeTag> INHERITED = List.of(TagFromName.PatientName, TagFromName.PatientID,
            TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyInstanceUID, TagFromName.StudyDate,
            TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
            TagFromName.AccessionNumber, TagFromName.SpecificCharacterSet);

    private final AttributeList inherited;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final String seriesInstanceUid;
    private final String frameOfReferenceUid;
    private final String viewPosition;
    private final String bodyPartExamined;
    private final DicomHeader header;
    private final String[] patientOrientation;

    private SourceImage(AttributeList all, DicomHeader header, Path file) throws ImageReadException {
        this.header = header;
        this.sopClassUid = sopClassUid(all);
        this.sopInstanceUid = sopInstanceUid(all);
        this.seriesInstanceUid = text(all, TagFromName.SeriesInstanceUID);
        this.frameOfReferenceUid = text(all, TagFromName.FrameOfReferenceUID);
        this.viewPosition = text(all, TagFromName.ViewPosition);
        this.bodyPartExamined = text(all, TagFromName.BodyPartExamined);
        if (sopClassUid.isEmpty() || sopInstanceUid.isEmpty() || text(all, TagFromName.StudyInstanceUID).isEmpty()) {
            throw new CorruptFileException(file, "SOP Class, SOP Instance or Study Instance UID is missing");
        }
        String po = Attribute.getDelimitedStringValuesOrEmptyString(all, TagFromName.PatientOrientation).trim();
        this.patientOrientation = po.isEmpty() ? new String[0] : po.split("\\\\");
        this.inherited = new AttributeList();
        for (AttributeTag t : INHERITED) {
            Attribute a = all.get(t);
            if (a != null) {
                inherited.put(a);
            }
        }
    }

    /** Reads the header of a DICOM file (no pixel decoding). */
    public static SourceImage read(Path file) throws ImageReadException {
        return of(DicomFile.open(file, false));
    }

    /** The source behind an already parsed file. */
    static SourceImage of(DicomFile f) throws ImageReadException {
        return new SourceImage(f.list, f.header, f.path);
    }

    /**
     * (0008,0016), or the meta header's Media Storage SOP Class UID (0002,0002) when the dataset's is empty (some
     * de-identification tools blank it; PS3.10 makes the two equal); "" when both are absent.
     */
    static String sopClassUid(AttributeList l) {
        String v = text(l, TagFromName.SOPClassUID);
        return v.isEmpty() ? text(l, TagFromName.MediaStorageSOPClassUID) : v;
    }

    /** (0008,0018), else the meta header's Media Storage SOP Instance UID (0002,0003); "" when both are absent. */
    static String sopInstanceUid(AttributeList l) {
        String v = text(l, TagFromName.SOPInstanceUID);
        return v.isEmpty() ? text(l, TagFromName.MediaStorageSOPInstanceUID) : v;
    }

    private static String text(AttributeList l, AttributeTag t) {
        return Attribute.getSingleStringValueOrEmptyString(l, t).trim();
    }

    /**
     * A new list with the Patient and General Study module attributes that a derived object carries to be filed with
     * this source: copied verbatim, the type 2 ones the source lacks present and empty (Specific Character Set only
     * when the source has it). For dicom-io's writers ({@code derived}); PixelMed-typed, so no other module calls it.
     */
    public AttributeList inheritedAttributes() throws DicomException {
        AttributeList l = new AttributeList();
        l.putAll(inherited);
        for (AttributeTag tag : INHERITED) {
            if (l.get(tag) == null && !tag.equals(TagFromName.SpecificCharacterSet)) {
                DicomAttributes.put(l, tag);
            }
        }
        return l;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    public String studyInstanceUid() {
        return text(inherited, TagFromName.StudyInstanceUID);
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    /** (0020,0052), "" when the source has none (typical of CR/DX). */
    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    /** (0018,5101) View Position, e.g. "PA", "AP", "LL"; "" when absent. */
    public String viewPosition() {
        return viewPosition;
    }

    /** (0018,0015) Body Part Examined, e.g. "CHEST"; "" when absent. */
    public String bodyPartExamined() {
        return bodyPartExamined;
    }

    /** What the input gate needs to know about this source ({@link InputFacts}). */
    public InputFacts facts() {
        return InputFacts.dicom(header.modality(), sopClassUid, viewPosition, bodyPartExamined, header.frames());
    }

    /** (0020,0020) values, e.g. {"P", "F"}; empty when absent. */
    public String[] patientOrientation() {
        return patientOrientation.clone();
    }

    /** Modality, size, spacing and position of the source (no patient data). */
    public DicomHeader header() {
        return header;
    }

    @Override
    public String toString() {
        return "SourceImage[sop=" + sopInstanceUid + ", " + header.modality() + " " + header.columns() + "x"
                + header.rows() + "]";
    }
}
