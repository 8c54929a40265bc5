package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.ExternalTools;
import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.TestData;

class StructuredReportsTest {
    static final Path SAMPLE = TestData.SAMPLE;
    static final AlgorithmIdentity ALGO = new AlgorithmIdentity("radlens-test", "1.0.0", "ab".repeat(32));
    static final List<ScoredFinding> FINDINGS = List.of(new ScoredFinding("pneumonia", 0.8125),
            new ScoredFinding("opacity", 0.25), new ScoredFinding("COVID-19 pneumonia", 0.5));

    @TempDir
    Path tmp;

    @Test
    void uidIsDeterministicPerSourceModelAndKind() throws Exception {
        SourceImage src = SourceImage.read(SAMPLE);
        assertEquals(StructuredReports.instanceUid(src, ALGO), StructuredReports.instanceUid(src, ALGO));
        assertTrue(!StructuredReports.instanceUid(src, ALGO).equals(Segmentations.instanceUid(src, ALGO)));
        AlgorithmIdentity other = new AlgorithmIdentity("radlens-test", "1.0.0", "cd".repeat(32));
        assertTrue(!StructuredReports.instanceUid(src, ALGO).equals(StructuredReports.instanceUid(src, other)));
        assertTrue(StructuredReports.instanceUid(src, ALGO).matches("2\\.25\\.[1-9][0-9]*")
                && StructuredReports.instanceUid(src, ALGO).length() <= 64);
    }

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        ExternalTools.assumeDciodvfy();
        Path sr = tmp.resolve("sr.dcm");
        Files.write(sr, StructuredReports.measurementReport(SourceImage.read(SAMPLE), FINDINGS, ALGO));
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(sr));
    }

    @Test
    void pydicomReadsFindingsProbabilitiesAndReference() throws Exception {
        ExternalTools.assumePydicom();
        SourceImage src = SourceImage.read(SAMPLE);
        Path sr = tmp.resolve("sr.dcm");
        Files.write(sr, StructuredReports.measurementReport(src, FINDINGS, ALGO));
        String script = String.join("\n",
                "import sys, pydicom",
                "d = pydicom.dcmread(sys.argv[1])",
                "print(d.SOPClassUID, d.SOPInstanceUID, d.ContentTemplateSequence[0].TemplateIdentifier)",
                "meas = [c for c in d.ContentSequence if c.ConceptNameCodeSequence[0].CodeValue == '126010'][0]",
                "for g in meas.ContentSequence:",
                "    f = [c for c in g.ContentSequence if c.ValueType == 'CODE'][0].ConceptCodeSequence[0]",
                "    n = [c for c in g.ContentSequence if c.ValueType == 'NUM'][0]",
                "    ref = n.ContentSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID",
                "    print(f.CodingSchemeDesignator, f.CodeValue, n.MeasuredValueSequence[0].NumericValue,"
                        + " ref == d.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]"
                        + ".ReferencedSOPSequence[0].ReferencedSOPInstanceUID)");
        ExternalTools.Output out = ExternalTools.python(script, sr.toString());
        assertEquals(0, out.exit(), out.text());
        String[] lines = out.text().strip().split("\n");
        assertArrayEquals(new String[]{
            "1.2.840.10008.5.1.4.1.1.88.33 " + StructuredReports.instanceUid(src, ALGO) + " 1500",
            "SCT 233604007 81.25 True",
            "99RADLENS " + FindingCodes.of("opacity").value() + " 25 True",
            "99RADLENS " + FindingCodes.of("COVID-19 pneumonia").value() + " 50 True"}, lines);
    }

    /** Findings with standard codes, the lung area and a gate flag: a report without any private concept. */
    static ReportContent standardContent() {
        return ReportContent.of(List.of(new ScoredFinding("pneumonia", 0.8125),
                        new ScoredFinding("pleural effusion", 0.25)))
                .withArea(new ReportContent.SegmentArea("lungs", 1234, 49.36)).withGateOutcome("flagged:lateral");
    }

    /** standardContent plus grounding boxes and peak (their score is a private concept) and a private finding. */
    static ReportContent fullContent() {
        return ReportContent.of(FINDINGS).withArea(new ReportContent.SegmentArea("lungs", 1234, 49.36))
                .withBoxes(List.of(new ReportContent.Box("pneumonia", 0.71, 10, 20, 60, 90)))
                .withPeak(new ReportContent.Peak("pneumonia", 0.93, 30.5, 40.5)).withGateOutcome("flagged:lateral");
    }

    @Test
    void dciodvfyFindsNoErrorsAndNoWarningsOnOurAttributes() throws Exception {
        ExternalTools.assumeDciodvfy();
        SourceImage src = SourceImage.read(SAMPLE);
        for (ReportContent c : List.of(standardContent(), fullContent())) {
            Path sr = tmp.resolve("sr.dcm");
            Files.write(sr, StructuredReports.measurementReport(src, c, ALGO));
            assertEquals(List.of(), ExternalTools.dciodvfyErrors(sr), c.toString());
            assertEquals(List.of(), ExternalTools.dciodvfyWarnings(sr), c.toString());
        }
        Path plain = tmp.resolve("plain.dcm");
        Files.write(plain, StructuredReports.measurementReport(src, standardContent(), ALGO));
        ExternalTools.Output all = ExternalTools.run("dciodvfy", plain.toString());
        assertTrue(!all.text().contains("Warning") && !all.text().contains("Error"), all.text());
    }

    @Test
    void privateSchemeIsDeclaredOnlyWhenUsed() throws Exception {
        ExternalTools.assumePydicom();
        SourceImage src = SourceImage.read(SAMPLE);
        Path full = tmp.resolve("full.dcm");
        Files.write(full, StructuredReports.measurementReport(src, fullContent(), ALGO));
        Path plain = tmp.resolve("plain.dcm");
        Files.write(plain, StructuredReports.measurementReport(src, standardContent(), ALGO));
        String script = "import sys, pydicom\nfor f in sys.argv[1:]:\n"
                + "    d = pydicom.dcmread(f)\n"
                + "    print([(i.CodingSchemeDesignator, i.CodingSchemeName) for i in"
                + " d.get('CodingSchemeIdentificationSequence', [])], d.PatientName)";
        ExternalTools.Output out = ExternalTools.python(script, full.toString(), plain.toString());
        assertEquals(0, out.exit(), out.text());
        assertArrayEquals(new String[]{"[('99RADLENS', 'RadLens private concepts')] ANONYMOUS^", "[] ANONYMOUS^"},
                out.text().strip().split("\n"));
    }

    @Test
    void dcmtkRoundTripKeepsEveryGroup() throws Exception {
        ExternalTools.assumeDcmtk();
        SourceImage src = SourceImage.read(SAMPLE);
        Path sr = tmp.resolve("full-sr.dcm");
        Files.write(sr, StructuredReports.measurementReport(src, fullContent(), ALGO));
        String tree = ExternalTools.dsrRoundTrip(sr, tmp);
        for (String expected : new String[]{"\"Certainty of Finding\")=\"81.25\" (%,UCUM,\"percent\")",
            "(POLYLINE,10/20,60/20,60/90,10/90,10/20)", "(POINT,30.5/40.5)",
            "\"Area\")=\"140\" (mm2,UCUM,\"square millimeter\")",
            "\"Area\")=\"49.36\" (mm2,UCUM,\"square millimeter\")", "\"Area\")=\"1234\" ({pixels},UCUM,\"pixels\")",
            "\"Referenced Segment\")=(SG image,\"" + Segmentations.instanceUid(src, ALGO) + "\",1)",
            "\"Algorithm Version\")=\"1.0.0\"", "\"Algorithm Parameters\")=\"model sha256 " + ALGO.sha256() + "\"",
            "\"Comment\")=\"Input scope: flagged:lateral\""}) {
            assertTrue(tree.contains(expected), expected + " not in\n" + tree);
        }
    }
}
