package org.radlens.dicomio.scope;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radlens.dicomio.InputFacts;

/**
 * The header half of the input gate of 2D chest models, shared by every entry point. Rules, in order:
 * <ol>
 * <li>PNG and JPEG: in scope (they have no header; the package's embedding gate, if any, judges the pixels).</li>
 * <li>NIfTI files and folders: refused ({@code refused:volume}); classify, ground and segment take them on their
 * volume path instead.</li>
 * <li>DICOM whose SOP class is not CR, DX or Secondary Capture (CT, MR, NM, US, PET, mammography, SEG, SR, RT, …):
 * refused ({@code refused:ct}, {@code refused:sr}, …).</li>
 * <li>Modality (0008,0060): CT/MR/NM/US/PT/SEG/SR/… refused; CR or DX outside {@code --modality} refused
 * ({@code refused:modality}); OT or absent flagged {@code unknown_modality} unless {@code --modality} lists OT.</li>
 * <li>DX For Processing: flagged {@code for_processing}. ViewPosition LL/RL/LLD/RLD/LATERAL: flagged
 * {@code lateral}; other non-frontal views flagged {@code view}. BodyPartExamined present and not a chest: flagged
 * {@code body_part}.</li>
 * </ol>
 * {@code --modality} means the same for every command: the DICOM modalities scored (default CR, DX; OT may be added
 * for de-identified secondary captures); a DICOMweb query also asks the server for exactly these.
 *
 * <pre>{@code
 * Scope s = ScopeGate.chestRadiographs().check(InputFacts.read(file), "MR_small.dcm");  // refused:mr
 * }</pre>
 */
public final class ScopeGate {
    /** What {@code --modality} may name. */
    public static final List<String> ALLOWED_MODALITIES = List.of("CR", "DX", "OT");
    /** The default of {@code --modality}. */
    public static final List<String> DEFAULT_MODALITIES = List.of("CR", "DX");
    private static final Set<String> RADIOGRAPHS = Set.of("CR", "DX");
    private static final Set<String> NOT_RADIOGRAPHS = Set.of("CT", "MR", "NM", "US", "PT", "SEG", "SR", "RTDOSE",
            "RTPLAN", "RTSTRUCT", "RTIMAGE", "RTRECORD", "ECG", "MG", "XA", "RF", "OP", "OPT", "SM", "ES", "XC", "KO",
            "PR", "DOC", "IVUS", "OCT", "REG", "PLAN", "AU", "HD", "IO", "PX");
    private static final Set<String> FRONTAL = Set.of("PA", "AP", "AP SUPINE", "PA SUPINE");
    private static final Set<String> LATERAL = Set.of("LL", "RL", "LLD", "RLD", "LATERAL", "LAT", "L");
    private final Set<String> modalities;

    /**
     * @param modalities the {@code --modality} values (upper or lower case)
     * @throws IllegalArgumentException for a value outside {@link #ALLOWED_MODALITIES}, naming it
     */
    public ScopeGate(Collection<String> modalities) {
        Set<String> m = new LinkedHashSet<>();
        for (String s : modalities) {
            String u = s.trim().toUpperCase(Locale.ROOT);
            if (!ALLOWED_MODALITIES.contains(u)) {
                throw new IllegalArgumentException("--modality " + s.trim() + ": a 2D chest model scores "
                        + String.join(", ", ALLOWED_MODALITIES) + " objects only; give a CT or MR series (folder) or "
                        + "NIfTI file to radlens classify, ground or segment, which read volumes");
            }
            m.add(u);
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("--modality: name at least one of " + ALLOWED_MODALITIES);
        }
        this.modalities = Set.copyOf(m);
    }

    /** The gate with the default modalities, CR and DX. */
    public static ScopeGate chestRadiographs() {
        return new ScopeGate(DEFAULT_MODALITIES);
    }

    /** The accepted DICOM modalities. */
    public Set<String> modalities() {
        return modalities;
    }

    /** The verdict on an input described by {@code f}; {@code name} (a file name or item id) goes into messages. */
    public Scope check(InputFacts f, String name) {
        return switch (f.format()) {
            case NIFTI, NIFTI_GZ, NIFTI_PAIR, FOLDER -> Scope.refused("volume", name + " is a volume (NIfTI file or "
                    + "DICOM series folder), not a chest radiograph: run radlens classify, ground or segment on it, "
                    + "which read volumes slice by slice");
            case DICOM -> dicom(f, name);
            default -> Scope.inScope(); // PNG/JPEG: no header; an unknown format fails at reading, naming the file
        };
    }

    private Scope dicom(InputFacts f, String name) {
        SopClass c = SopClass.of(f.sopClassUid());
        if (!c.mayBeRadiograph()) {
            return Scope.refused(c.reason(), name + " is " + c.description() + " (SOP Class " + f.sopClassUid()
                    + "), not a chest radiograph: " + advice(c.reason()));
        }
        String m = f.modality();
        if (NOT_RADIOGRAPHS.contains(m)) {
            return Scope.refused(m.toLowerCase(Locale.ROOT), name + " has Modality " + m + ", not a chest radiograph "
                    + "(CR/DX): " + advice(m.toLowerCase(Locale.ROOT)));
        }
        if (RADIOGRAPHS.contains(m) && !modalities.contains(m)) {
            return Scope.refused("modality", name + " has Modality " + m + ", which --modality "
                    + String.join(",", modalities) + " leaves out");
        }
        Scope s = Scope.inScope();
        if ((m.isEmpty() || m.equals("OT")) && !modalities.contains("OT")) {
            s = s.flag("unknown_modality", name + " has Modality " + (m.isEmpty() ? "(none)" : m)
                    + ": not known to be a radiograph (add OT to --modality to accept such files)");
        } else if (!m.isEmpty() && !RADIOGRAPHS.contains(m) && !m.equals("OT")) {
            return Scope.refused("modality", name + " has Modality " + m + ", not a chest radiograph (CR/DX)");
        }
        return views(f, name, s);
    }

    private static Scope views(InputFacts f, String name, Scope s) {
        if (SopClass.forProcessing(f.sopClassUid())) {
            s = s.flag("for_processing", name + " is DX For Processing (raw detector data, not display-ready)");
        }
        String v = f.viewPosition();
        if (LATERAL.contains(v)) {
            s = s.flag("lateral", name + " has ViewPosition " + v + ": a lateral view; the model reads frontal PA/AP "
                    + "films");
        } else if (!v.isEmpty() && !FRONTAL.contains(v)) {
            s = s.flag("view", name + " has ViewPosition " + v + ": not a frontal PA/AP view");
        }
        String b = f.bodyPartExamined();
        if (!b.isEmpty() && !(b.contains("CHEST") || b.contains("THORA") || b.contains("LUNG"))) {
            s = s.flag("body_part", name + " has BodyPartExamined " + b + ": not a chest");
        }
        return s;
    }

    private static String advice(String reason) {
        return switch (reason) {
            case "ct", "mr", "pt", "nm" -> "give the whole " + reason.toUpperCase(Locale.ROOT) + " series (its folder, "
                    + "or a NIfTI file) to radlens classify, ground or segment, which read volumes";
            case "seg", "sr", "rt", "rtdose", "rtplan", "rtstruct", "ko", "pr" -> "derived objects are not scored";
            default -> "this model scores CR/DX chest radiographs only";
        };
    }
}
