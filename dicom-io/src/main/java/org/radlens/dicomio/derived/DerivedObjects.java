package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.SourceImage;

/** Modules that the SR and SEG writers share: patient/study from the source, series, equipment, SOP common. */
final class DerivedObjects {
    private DerivedObjects() {
    }

    /** The kinds of derived object; each has its own series and instance UIDs. */
    enum Kind {
        SR("sr", "SR", 9801, "RadLens findings"), SEG("seg", "SEG", 9802, "RadLens segmentation"),
        SC("sc", "OT", 9803, "RadLens heat map");

        final String key;
        final String modality;
        final int seriesNumber;
        final String seriesDescription;

        Kind(String key, String modality, int seriesNumber, String seriesDescription) {
            this.key = key;
            this.modality = modality;
            this.seriesNumber = seriesNumber;
            this.seriesDescription = seriesDescription;
        }
    }

    /** SOP Instance UID of the {@code kind} object derived from {@code src} by {@code algo}. */
    static String instanceUid(SourceImage src, AlgorithmIdentity algo, Kind kind) {
        return instanceUid(src, algo, kind, "");
    }

    /**
     * Like {@link #instanceUid(SourceImage, AlgorithmIdentity, Kind)} for one of several objects of a kind per source,
     * told apart by {@code qualifier} (e.g. the query of a heat-map capture); "" for the kind's single object.
     */
    static String instanceUid(SourceImage src, AlgorithmIdentity algo, Kind kind, String qualifier) {
        return DerivedUids.derive(src.sopInstanceUid(), algo.sha256(), kind.key + suffix(qualifier));
    }

    /** One series per study, model, kind (and qualifier). */
    static String seriesUid(SourceImage src, AlgorithmIdentity algo, Kind kind, String qualifier) {
        return DerivedUids.derive(src.studyInstanceUid(), algo.sha256(), kind.key + "-series" + suffix(qualifier));
    }

    private static String suffix(String qualifier) {
        return qualifier.isEmpty() ? "" : ":" + qualifier;
    }

    /** A new list with the patient/study, series, equipment and SOP common modules filled in. */
    static AttributeList common(SourceImage src, AlgorithmIdentity algo, Kind kind, String sopClassUid)
            throws DicomException {
        return common(src, algo, kind, "", sopClassUid);
    }

    /**
     * {@link #common(SourceImage, AlgorithmIdentity, Kind, String)} for the object of {@code kind} told apart by
     * {@code qualifier}: its own instance and series UIDs, and the qualifier in the series description.
     */
    static AttributeList common(SourceImage src, AlgorithmIdentity algo, Kind kind, String qualifier,
                                String sopClassUid) throws DicomException {
        AttributeList l = src.inheritedAttributes();
        currentPersonNames(l);
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        DicomAttributes.put(l, TagFromName.SOPClassUID, sopClassUid);
        DicomAttributes.put(l, TagFromName.SOPInstanceUID, instanceUid(src, algo, kind, qualifier));
        DicomAttributes.put(l, TagFromName.InstanceCreationDate, now.substring(0, 8));
        DicomAttributes.put(l, TagFromName.InstanceCreationTime, now.substring(8));
        DicomAttributes.put(l, TagFromName.Modality, kind.modality);
        DicomAttributes.put(l, TagFromName.SeriesInstanceUID, seriesUid(src, algo, kind, qualifier));
        DicomAttributes.put(l, TagFromName.SeriesNumber, String.valueOf(kind.seriesNumber));
        DicomAttributes.put(l, TagFromName.SeriesDescription,
                clip(kind.seriesDescription + (qualifier.isEmpty() ? "" : ": " + qualifier)));
        DicomAttributes.put(l, TagFromName.InstanceNumber, "1");
        DicomAttributes.put(l, TagFromName.ContentDate, now.substring(0, 8));
        DicomAttributes.put(l, TagFromName.ContentTime, now.substring(8));
        DicomAttributes.put(l, TagFromName.Manufacturer, "RadLens");
        DicomAttributes.put(l, TagFromName.ManufacturerModelName, clip(algo.name()));
        DicomAttributes.put(l, TagFromName.DeviceSerialNumber, algo.sha256().substring(0, 16));
        DicomAttributes.put(l, TagFromName.SoftwareVersions, clip(algo.version()));
        return l;
    }

    /**
     * A person name copied from the source without a component separator ("ANONYMOUS", the retired ACR-NEMA form
     * dciodvfy warns about) gets one: "ANONYMOUS^", the same family name in the current form (PS3.5 6.2).
     */
    private static void currentPersonNames(AttributeList l) throws DicomException {
        for (var tag : new AttributeTag[]{TagFromName.PatientName,
                TagFromName.ReferringPhysicianName}) {
            String name = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, tag);
            if (!name.isEmpty() && !name.contains("^") && !name.contains("=")) {
                DicomAttributes.put(l, tag, name + "^");
            }
        }
    }

    /** Current Requested Procedure Evidence / Referenced Series item naming the source. */
    static AttributeList referencedSeries(SourceImage src, AttributeTag itemTag)
            throws DicomException {
        AttributeList series = new AttributeList();
        DicomAttributes.put(series, TagFromName.SeriesInstanceUID, src.seriesInstanceUid());
        return DicomAttributes.seq(series, itemTag,
                DicomAttributes.sopRef(src.sopClassUid(), src.sopInstanceUid()));
    }

    /** A one-item code sequence. */
    static AttributeList codeSeq(AttributeList list, AttributeTag tag, Code c) throws DicomException {
        return DicomAttributes.seq(list, tag, DicomAttributes.code(c.value(), c.scheme(), c.meaning()));
    }

    /**
     * The object as a Part 10 file (explicit VR little endian, with meta header). When any code in it uses
     * {@link Code#PRIVATE_SCHEME}, the Coding Scheme Identification Sequence (SOP Common) names that scheme first.
     */
    static byte[] toPart10(AttributeList list) throws DicomException {
        if (DicomAttributes.usesScheme(list, Code.PRIVATE_SCHEME)) {
            AttributeList id = new AttributeList();
            DicomAttributes.put(id, TagFromName.CodingSchemeDesignator, Code.PRIVATE_SCHEME);
            DicomAttributes.put(id, TagFromName.CodingSchemeName, Code.PRIVATE_SCHEME_NAME);
            DicomAttributes.put(id, TagFromName.CodingSchemeResponsibleOrganization, "RadLens project");
            DicomAttributes.seq(list, TagFromName.CodingSchemeIdentificationSequence, id);
        }
        return DicomAttributes.toPart10(list);
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
