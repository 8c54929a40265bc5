package org.radlens.dicomio.derived;

import java.util.Locale;
import java.util.Map;

/**
 * Codes for the findings a model scores. Known findings map to SNOMED CT; anything else gets a private code in
 * {@link Code#PRIVATE_SCHEME} whose value is derived from the name ({@code "F-" + 8 hex of sha256(name)}), so a name
 * always has the same code.
 */
public final class FindingCodes {
    private static final Map<String, Code> KNOWN = Map.of(
            "pneumonia", Code.sct("233604007", "Pneumonia"),
            "bacterial pneumonia", Code.sct("53084003", "Bacterial pneumonia"),
            "viral pneumonia", Code.sct("75570004", "Viral pneumonia"),
            "consolidation", Code.sct("95436008", "Lung consolidation"),
            "pleural effusion", Code.sct("60046008", "Pleural effusion"),
            "normal", Code.sct("17621005", "Normal"),
            "lungs", Code.sct("39607008", "Lung"),
            "lung", Code.sct("39607008", "Lung"));

    private FindingCodes() {
    }

    /** The code of a finding or anatomy name (case-insensitive for the standard ones). */
    public static Code of(String name) {
        Code known = KNOWN.get(name.toLowerCase(Locale.ROOT).trim());
        if (known != null) {
            return known;
        }
        String meaning = name.length() > 64 ? name.substring(0, 64) : name;
        String hex = DerivedUids.sha256Hex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
        return new Code("F-" + hex, Code.PRIVATE_SCHEME, meaning);
    }
}
