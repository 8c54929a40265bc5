package org.radlens.dicomio.derived;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.DicomAttributes;
import org.radlens.dicomio.SourceImage;

/**
 * Writes model results as a DICOM Comprehensive SR following TID 1500 "Measurement Report". Under Imaging
 * Measurements: one TID 1501 group per finding (Finding = {@link FindingCodes#of}, a qualitative evaluation
 * Present/Absent at p &ge; 0.5, and the probability as NUM {@code 111012 DCM "Certainty of Finding"} in UCUM "%",
 * inferred from the source image); one TID 1410 planar ROI group per grounding box (POLYLINE) and for the heat-map
 * peak (POINT), each with an Image Region SCOORD on the source; one group with the area of the lung segment (mm² and
 * pixels) referencing segment 1 of the SEG that {@link Segmentations#binary} writes for the same source and model.
 * Every group names the model (TID 4019 Algorithm Name, Version, and Parameters = its sha256). An input the gate
 * flagged gets a Qualitative Evaluations comment. Private concepts (scheme {@code 99RADLENS}) are declared in the
 * Coding Scheme Identification Sequence. SOP Instance UID: {@code DerivedUids.derive(source SOP UID, model sha256,
 * "sr")}: a retry writes the same instance.
 *
 * <pre>{@code
 * byte[] part10 = StructuredReports.measurementReport(SourceImage.read(dcm), ReportContent.of(findings), algorithm);
 * }</pre>
 */
public final class StructuredReports {
    /** Concept of the probability NUM items (CAD SR's "Certainty of Finding", in percent). */
    public static final Code PROBABILITY = Code.dcm("111012", "Certainty of Finding");
    /** Concept naming the finding of a group. */
    public static final Code PRESENCE = Code.dcm("121071", "Finding");
    static final Code PRESENT = Code.sct("52101004", "Present");
    static final Code ABSENT = Code.sct("2667000", "Absent");
    static final Code UNIT_ONE = new Code("1", "UCUM", "no units");
    static final Code PERCENT = new Code("%", "UCUM", "percent");

    private StructuredReports() {
    }

    /** The SR's SOP Instance UID for {@code src} and {@code algo} (without writing it). */
    public static String instanceUid(SourceImage src, AlgorithmIdentity algo) {
        return DerivedObjects.instanceUid(src, algo, DerivedObjects.Kind.SR);
    }

    /** {@link #measurementReport(SourceImage, ReportContent, AlgorithmIdentity)} with findings only. */
    public static byte[] measurementReport(SourceImage src, List<ScoredFinding> findings, AlgorithmIdentity algo)
            throws DicomWriteException {
        return measurementReport(src, ReportContent.of(findings), algo);
    }

    /**
     * Findings and the input gate's flag ({@code inputScope}, e.g. {@code "flagged:lateral: ViewPosition LL"}; ""
     * when the input was in scope): {@link ReportContent#withGateOutcome}.
     */
    public static byte[] measurementReport(SourceImage src, List<ScoredFinding> findings, AlgorithmIdentity algo,
                                           String inputScope) throws DicomWriteException {
        return measurementReport(src, ReportContent.of(findings).withGateOutcome(inputScope), algo);
    }

    /** A Part 10 Comprehensive SR (explicit VR LE). */
    public static byte[] measurementReport(SourceImage src, ReportContent content, AlgorithmIdentity algo)
            throws DicomWriteException {
        try {
            AttributeList l = DerivedObjects.common(src, algo, DerivedObjects.Kind.SR,
                    SOPClass.ComprehensiveSRStorage);
            DicomAttributes.put(l, TagFromName.CompletionFlag, "COMPLETE");
            DicomAttributes.put(l, TagFromName.VerificationFlag, "UNVERIFIED");
            DicomAttributes.seq(l, TagFromName.ReferencedPerformedProcedureStepSequence);
            DicomAttributes.seq(l, TagFromName.PerformedProcedureCodeSequence);
            DicomAttributes.seq(l, TagFromName.CurrentRequestedProcedureEvidenceSequence, evidence(src, content, algo));
            root(l, src, content, algo);
            return DerivedObjects.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("SR for " + src.sopInstanceUid(), e);
        }
    }

    /** The study's source series, and the SEG's series when the report references it. */
    private static AttributeList evidence(SourceImage src, ReportContent c, AlgorithmIdentity algo)
            throws DicomException {
        AttributeList evidence = new AttributeList();
        DicomAttributes.put(evidence, TagFromName.StudyInstanceUID, src.studyInstanceUid());
        AttributeList source = DerivedObjects.referencedSeries(src, TagFromName.ReferencedSOPSequence);
        if (c.area() == null) {
            return DicomAttributes.seq(evidence, TagFromName.ReferencedSeriesSequence, source);
        }
        AttributeList seg = new AttributeList();
        DicomAttributes.put(seg, TagFromName.SeriesInstanceUID,
                DerivedObjects.seriesUid(src, algo, DerivedObjects.Kind.SEG, ""));
        DicomAttributes.seq(seg, TagFromName.ReferencedSOPSequence,
                DicomAttributes.sopRef(SOPClass.SegmentationStorage, Segmentations.instanceUid(src, algo)));
        return DicomAttributes.seq(evidence, TagFromName.ReferencedSeriesSequence, source, seg);
    }

    private static void root(AttributeList l, SourceImage src, ReportContent c, AlgorithmIdentity algo)
            throws DicomException {
        DicomAttributes.put(l, TagFromName.ValueType, "CONTAINER");
        DerivedObjects.codeSeq(l, TagFromName.ConceptNameCodeSequence,
                Code.dcm("126000", "Imaging Measurement Report"));
        DicomAttributes.put(l, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        DicomAttributes.put(template, TagFromName.MappingResource, "DCMR");
        DicomAttributes.put(template, TagFromName.TemplateIdentifier, "1500");
        DicomAttributes.seq(l, TagFromName.ContentTemplateSequence, template);
        List<AttributeList> items = new ArrayList<>();
        items.add(SrItems.code("HAS CONCEPT MOD", Code.dcm("121049", "Language of Content Item and Descendants"),
                new Code("en-US", "RFC5646", "English (United States)")));
        items.add(SrItems.code("HAS OBS CONTEXT", Code.dcm("121005", "Observer Type"), Code.dcm("121007", "Device")));
        items.add(SrItems.uidref("HAS OBS CONTEXT", Code.dcm("121012", "Device Observer UID"),
                DerivedUids.derive(algo.sha256(), "device")));
        items.add(SrItems.text("HAS OBS CONTEXT", Code.dcm("121013", "Device Observer Name"), algo.name()));
        items.add(SrItems.code("HAS CONCEPT MOD", Code.dcm("121058", "Procedure reported"),
                Code.sct("168537006", "Plain chest X-ray")));
        items.add(SrItems.children(SrItems.container("CONTAINS", Code.dcm("111028", "Image Library")),
                SrItems.children(SrItems.container("CONTAINS", Code.dcm("126200", "Image Library Group")),
                        SrItems.image("CONTAINS", null, src))));
        items.add(SrItems.children(SrItems.container("CONTAINS", Code.dcm("126010", "Imaging Measurements")),
                groups(src, c, algo).toArray(AttributeList[]::new)));
        if (!c.gateOutcome().isEmpty()) {
            items.add(SrItems.children(SrItems.container("CONTAINS",
                            new Code("C0034375", "UMLS", "Qualitative Evaluations")),
                    SrItems.text("CONTAINS", Code.dcm("121106", "Comment"),
                            "Input scope: " + c.gateOutcome())));
        }
        SrItems.children(l, items.toArray(AttributeList[]::new));
    }

    private static List<AttributeList> groups(SourceImage src, ReportContent c, AlgorithmIdentity algo)
            throws DicomException {
        List<AttributeList> groups = new ArrayList<>();
        for (int i = 0; i < c.findings().size(); i++) {
            groups.add(group(src, c.findings().get(i), i + 1, algo));
        }
        for (int i = 0; i < c.boxes().size(); i++) {
            String id = "grounding box " + (i + 1) + ": " + c.boxes().get(i).finding();
            groups.add(SrRegions.box(src, c.boxes().get(i), head(src, id, algo)));
        }
        if (c.peak() != null) {
            groups.add(SrRegions.peak(src, c.peak(), head(src, "heat map peak: " + c.peak().finding(), algo)));
        }
        if (c.area() != null) {
            groups.add(SrRegions.area(src, c.area(), Segmentations.instanceUid(src, algo),
                    head(src, "segment area: " + c.area().label(), algo)));
        }
        return groups;
    }

    /** Tracking identifier and UID (derived from the source and the identifier), then the model (TID 4019). */
    static List<AttributeList> head(SourceImage src, String trackingId, AlgorithmIdentity algo)
            throws DicomException {
        String id = trackingId.length() > 64 ? trackingId.substring(0, 64) : trackingId;
        return List.of(SrItems.text("HAS OBS CONTEXT", Code.dcm("112039", "Tracking Identifier"), id),
                SrItems.uidref("HAS OBS CONTEXT", Code.dcm("112040", "Tracking Unique Identifier"),
                        DerivedUids.derive(src.sopInstanceUid(), algo.sha256(), "track", trackingId)),
                SrItems.text("HAS CONCEPT MOD", Code.dcm("111001", "Algorithm Name"), algo.name()),
                SrItems.text("HAS CONCEPT MOD", Code.dcm("111003", "Algorithm Version"), algo.version()),
                SrItems.text("HAS CONCEPT MOD", Code.dcm("111002", "Algorithm Parameters"),
                        "model sha256 " + algo.sha256()));
    }

    private static AttributeList group(SourceImage src, ScoredFinding f, int n, AlgorithmIdentity algo)
            throws DicomException {
        Code finding = FindingCodes.of(f.name());
        AttributeList prob = SrItems.children(SrItems.num("CONTAINS", PROBABILITY, 100 * f.probability(), PERCENT),
                SrItems.image("INFERRED FROM", Code.dcm("121112", "Source of Measurement"), src));
        List<AttributeList> items = new ArrayList<>(head(src, "finding " + n + ": " + f.name(), algo));
        items.add(SrItems.code("CONTAINS", PRESENCE, finding));
        items.add(SrItems.code("CONTAINS", finding, f.probability() >= 0.5 ? PRESENT : ABSENT));
        items.add(prob);
        return SrItems.children(SrItems.container("CONTAINS", Code.dcm("125007", "Measurement Group")),
                items.toArray(AttributeList[]::new));
    }
}
