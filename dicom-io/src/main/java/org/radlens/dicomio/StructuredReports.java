package org.radlens.dicomio;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes model findings as a DICOM Comprehensive SR following TID 1500 "Measurement Report": one TID 1501
 * measurement group per finding, holding the finding (121071 DCM "Finding" = {@link FindingCodes#of}), a
 * qualitative evaluation, and the probability as a NUM (private concept {@code RL-PROB 99RADLENS "Probability of
 * finding"}, unit UCUM {@code 1}), inferred from the source image, which the Image Library also references.
 * The SOP Instance UID is {@code DerivedUids.derive(source SOP UID, model sha256, "sr")}: a retry writes the same
 * instance.
 *
 * <pre>{@code
 * byte[] part10 = StructuredReports.measurementReport(SourceImage.read(dcm), findings, algorithm);
 * }</pre>
 */
public final class StructuredReports {
    /** Concept of the probability NUM items. */
    public static final Code PROBABILITY = new Code("RL-PROB", Code.PRIVATE_SCHEME, "Probability of finding");
    /** Concept of the qualitative evaluation (present when probability >= 0.5). */
    public static final Code PRESENCE = Code.dcm("121071", "Finding");
    static final Code PRESENT = Code.sct("52101004", "Present");
    static final Code ABSENT = Code.sct("2667000", "Absent");
    static final Code UNIT_ONE = new Code("1", "UCUM", "no units");

    private StructuredReports() {
    }

    /** The SR's SOP Instance UID for {@code src} and {@code algo} (without writing it). */
    public static String instanceUid(SourceImage src, AlgorithmIdentity algo) {
        return DerivedObjects.instanceUid(src, algo, DerivedObjects.Kind.SR);
    }

    /** A Part 10 Comprehensive SR (explicit VR LE). */
    public static byte[] measurementReport(SourceImage src, List<ScoredFinding> findings, AlgorithmIdentity algo)
            throws DicomWriteException {
        try {
            AttributeList l = DerivedObjects.common(src, algo, DerivedObjects.Kind.SR,
                    SOPClass.ComprehensiveSRStorage);
            DicomAttrs.put(l, TagFromName.CompletionFlag, "COMPLETE");
            DicomAttrs.put(l, TagFromName.VerificationFlag, "UNVERIFIED");
            DicomAttrs.seq(l, TagFromName.ReferencedPerformedProcedureStepSequence);
            DicomAttrs.seq(l, TagFromName.PerformedProcedureCodeSequence);
            AttributeList evidence = new AttributeList();
            DicomAttrs.put(evidence, TagFromName.StudyInstanceUID, src.studyInstanceUid());
            DicomAttrs.seq(evidence, TagFromName.ReferencedSeriesSequence, DerivedObjects.referencedSeries(src, TagFromName.ReferencedSOPSequence));
            DicomAttrs.seq(l, TagFromName.CurrentRequestedProcedureEvidenceSequence, evidence);
            root(l, src, findings, algo);
            return DicomAttrs.toPart10(l);
        } catch (DicomException e) {
            throw new DicomWriteException("SR for " + src.sopInstanceUid(), e);
        }
    }

    private static void root(AttributeList l, SourceImage src, List<ScoredFinding> findings, AlgorithmIdentity algo)
            throws DicomException {
        DicomAttrs.put(l, TagFromName.ValueType, "CONTAINER");
        DicomAttrs.codeSeq(l, TagFromName.ConceptNameCodeSequence, Code.dcm("126000", "Imaging Measurement Report"));
        DicomAttrs.put(l, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        DicomAttrs.put(template, TagFromName.MappingResource, "DCMR");
        DicomAttrs.put(template, TagFromName.TemplateIdentifier, "1500");
        DicomAttrs.seq(l, TagFromName.ContentTemplateSequence, template);
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
        AttributeList[] groups = new AttributeList[findings.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = group(src, findings.get(i), i + 1);
        }
        items.add(SrItems.children(SrItems.container("CONTAINS", Code.dcm("126010", "Imaging Measurements")), groups));
        SrItems.children(l, items.toArray(AttributeList[]::new));
    }

    private static AttributeList group(SourceImage src, ScoredFinding f, int n) throws DicomException {
        Code finding = FindingCodes.of(f.name());
        AttributeList prob = SrItems.children(SrItems.num("CONTAINS", PROBABILITY, f.probability(), UNIT_ONE),
                SrItems.image("INFERRED FROM", Code.dcm("121112", "Source of Measurement"), src));
        return SrItems.children(SrItems.container("CONTAINS", Code.dcm("125007", "Measurement Group")),
                SrItems.text("HAS OBS CONTEXT", Code.dcm("112039", "Tracking Identifier"), "finding " + n),
                SrItems.uidref("HAS OBS CONTEXT", Code.dcm("112040", "Tracking Unique Identifier"),
                        DerivedUids.derive(src.sopInstanceUid(), finding.scheme(), finding.value())),
                SrItems.code("CONTAINS", PRESENCE, finding),
                SrItems.code("CONTAINS", finding, f.probability() >= 0.5 ? PRESENT : ABSENT),
                prob);
    }
}
