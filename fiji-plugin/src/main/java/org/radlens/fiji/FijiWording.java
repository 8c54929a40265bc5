package org.radlens.fiji;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages from the shared library code speak the command line ("pass --model PKG", "radlens classify"); this puts
 * them in Fiji's words (menus and dialogs) at the Fiji edge, leaving the command line's own messages as they are.
 * Every such message a Fiji command can show has its own rewrite here that keeps what it says (what is wrong, what
 * to do); nothing is cut out. {@code FijiWordingTest} finds every string in the library modules the plugin uses that
 * names a flag or a {@code radlens} subcommand and fails until it has a rewrite (or a reason Fiji never shows it).
 *
 * <pre>{@code
 * IJ.log(FijiWording.of(scope.message()));
 * }</pre>
 */
public final class FijiWording {
    /** A command-line option such as {@code --model} or {@code --modality}. */
    public static final Pattern CLI_FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final String VOLUME_COMMANDS = Commands.MENU + "Classify Volume or " + Commands.MENU
            + "Ground in Volume";
    private static final List<Rewrite> REWRITES = List.of(
            // models' DefaultModel: no package found
            new Rewrite("\\s*\\(pass --model PKG\\)", " (choose a package with " + Commands.MENU + "Model\u2026)"),
            // dicom-io's ScopeGate: a CT/MR/PET/NM image where a radiograph is expected
            new Rewrite("give the whole (\\w+) series \\(its folder, or a NIfTI file\\) to radlens classify, ground "
                    + "or segment, which read volumes", "open the whole $1 series (its folder, or a NIfTI file) with "
                    + Commands.MENU + "Open DICOM/NIfTI\u2026 and use " + VOLUME_COMMANDS),
            // ScopeGate: a NIfTI file or series folder where a radiograph is expected
            new Rewrite("run radlens classify, ground or segment on it, which read volumes slice by slice",
                    "open it with " + Commands.MENU + "Open DICOM/NIfTI\u2026 and use " + VOLUME_COMMANDS),
            // ScopeGate: Modality OT is flagged, not refused; Fiji has no modality option, so say what happens
            new Rewrite("\\s*\\(add OT to --modality to accept such files\\)",
                    " (scored anyway: check that it is a chest radiograph)"),
            // ScopeGate with modalities a user chose (the command line only; Fiji uses the default CR, DX)
            new Rewrite(", which --modality [A-Za-z, ]+ leaves out", ", which the chest X-ray commands do not score"));

    private FijiWording() {
    }

    /** {@code message} without command-line wording; null stays null. */
    public static String of(String message) {
        if (message == null) {
            return null;
        }
        String s = message;
        for (Rewrite r : REWRITES) {
            s = r.pattern().matcher(s).replaceAll(r.replacement());
        }
        return s;
    }

    /** Whether {@code text} still names a command-line flag (for tests and checks). */
    public static boolean namesCliFlag(String text) {
        Matcher m = CLI_FLAG.matcher(text);
        return m.find();
    }

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), Matcher.quoteReplacement(replacement).replace("\\$1", "$1"));
        }
    }
}
