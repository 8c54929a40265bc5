package org.radlens.dicomio.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;

/**
 * {@link ScopeGate} on real headers (the committed pydicom/nibabel fixtures, MIT; the bundled DX sample, CC BY 4.0)
 * and on synthetic facts for each rule.
 */
class ScopeGateTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Path DX = Path.of("../samples/covid-notes-329_637.dcm");
    static final String CR = "1.2.840.10008.5.1.4.1.1.1";
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    final ScopeGate gate = ScopeGate.chestRadiographs();

    @Test
    void realFilesCtMrNiftiRefusedTheDxSampleInScope() throws Exception {
        Scope ct = gate.check(InputFacts.read(FIXTURES.resolve("CT_small.dcm")), "CT_small.dcm");
        assertEquals("refused:ct", ct.label());
        assertTrue(ct.message().startsWith("CT_small.dcm is a CT image") && ct.message().contains("classify"),
                ct.message());
        assertEquals("refused:mr", gate.check(InputFacts.read(FIXTURES.resolve("MR_small_RLE.dcm")), "mr").label());
        Scope nii = gate.check(InputFacts.read(FIXTURES.resolve("anatomical.nii")), "anatomical.nii");
        assertEquals("refused:volume", nii.label());
        assertTrue(nii.message().contains("anatomical.nii") && nii.message().contains("radlens classify"));
        InputFacts dx = InputFacts.read(DX);
        assertEquals(List.of("DX", "PA", "CHEST"), List.of(dx.modality(), dx.viewPosition(), dx.bodyPartExamined()));
        assertEquals(Scope.inScope(), gate.check(dx, "dx"));
        assertEquals(Scope.inScope(), gate.check(InputFacts.of(ImageFormat.PNG), "a.png"));
        assertFalse(InputFacts.read(FIXTURES.resolve("CT_small.dcm")).isVolume(), "one CT slice is no volume");
        assertTrue(InputFacts.read(FIXTURES.resolve("anatomical.nii")).isVolume());
    }

    @Test
    void headerRulesInOrder() {
        assertEquals("refused:sr", check("1.2.840.10008.5.1.4.1.1.88.33", "SR", "", ""));
        assertEquals("refused:seg", check("1.2.840.10008.5.1.4.1.1.66.4", "SEG", "", ""));
        assertEquals("refused:us", check("1.2.840.10008.5.1.4.1.1.6.1", "US", "", ""));
        assertEquals("refused:nm", check(SC, "NM", "", ""), "a secondary capture of an NM image");
        assertEquals("refused:other", check("1.2.840.10008.5.1.4.1.1.104.1", "DOC", "", ""));
        assertEquals("in_scope", check(SC, "CR", "PA", "CHEST"), "a CXR wrapped as secondary capture");
        assertEquals("in_scope", check("", "DX", "AP", ""), "no SOP class: modality decides");
        assertEquals("flagged:lateral", check(CR, "CR", "LL", "CHEST"));
        assertEquals("flagged:lateral,body_part", check(CR, "CR", "LATERAL", "KNEE"));
        assertEquals("flagged:view", check(CR, "CR", "RLO", ""));
        assertEquals("flagged:unknown_modality", check(SC, "OT", "", ""));
        assertEquals("flagged:for_processing", check("1.2.840.10008.5.1.4.1.1.1.1.1", "DX", "PA", "CHEST"));
        assertEquals("refused:xa", check(CR, "XA", "", ""));
        assertEquals("refused:modality", check(CR, "ZZ", "", ""), "an unknown modality");
    }

    @Test
    void modalityOptionMeansTheSameEverywhere() {
        ScopeGate dxOnly = new ScopeGate(List.of("dx"));
        Scope cr = dxOnly.check(InputFacts.dicom("CR", CR, "PA", "CHEST", 1), "c.dcm");
        assertEquals("refused:modality", cr.label());
        assertTrue(cr.message().contains("--modality DX"), cr.message());
        ScopeGate withOt = new ScopeGate(List.of("CR", "DX", "OT"));
        assertEquals("in_scope", withOt.check(InputFacts.dicom("OT", SC, "", "", 1), "o").label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScopeGate(List.of("CT")));
        assertTrue(e.getMessage().contains("--modality CT") && e.getMessage().contains("classify"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScopeGate(List.of()));
    }

    @Test
    void scopeLabelsRoundTripAndRefusalsStayRefused() {
        Scope f = Scope.inScope().flag("lateral", "LL").flag("not_chest_radiograph", "far");
        assertEquals("flagged:lateral,not_chest_radiograph", f.label());
        assertEquals(f, Scope.parse(f.label(), f.message()));
        Scope r = Scope.refused("ct", "CT");
        assertEquals(r, r.flag("lateral", "x"));
        assertEquals(r, Scope.parse("refused:ct", "CT"));
        assertEquals(Scope.inScope(), Scope.parse("in_scope", ""));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("maybe:x", ""));
    }

    private String check(String sop, String modality, String view, String body) {
        return gate.check(InputFacts.dicom(modality, sop, view, body, 1), "x.dcm").label();
    }
}
