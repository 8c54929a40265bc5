package org.radlens.fiji.commands;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.fiji.BatchScorer;
import org.radlens.fiji.Commands;
import org.radlens.fiji.Dialogs;
import org.radlens.fiji.ModelSession;
import org.radlens.fiji.Tables;
import org.radlens.fiji.UserError;

/**
 * Plugins › RadLens › Batch Score Folder…: zero-shot scores of every image file in a folder (progress bar, Esc
 * stops after the current file), into the Results table (one row per file, one column per finding, Top, Input scope
 * ({@code in_scope}, {@code flagged:<reasons>}, {@code refused:<reason>} for CT/MR/SR files and NIfTI), Note, Error) and
 * a CSV file (default {@code <folder>/radlens-scores.csv}). No image window is opened or changed.
 * Macro: {@code run("Batch Score Folder...", "folder=/data/cxr csv=/tmp/scores.csv");}
 */
public final class BatchScoreCommand implements PlugIn {
    public static final String TITLE = "Batch Score Folder";

    /** @param csv output file; empty for {@code radlens-scores.csv} in the folder */
    public record Params(String folder, String csv) {
    }

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("RadLens " + TITLE);
        Dialogs.addPath(gd, "folder", "", true);
        Dialogs.addPath(gd, "csv", "", false);
        gd.addMessage("CSV empty: radlens-scores.csv in the folder.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Params p = new Params(gd.getNextString().trim(), gd.getNextString().trim());
        Commands.run(TITLE, () -> execute(p, ModelSession.shared()));
    }

    /** Scores the folder, fills the Results table and writes the CSV; returns the rows. */
    public static List<BatchScorer.Row> execute(Params p, ModelSession session) throws Exception {
        if (p.folder() == null || p.folder().isBlank()) {
            throw new UserError("Choose the folder that holds the images.");
        }
        Path folder = Path.of(p.folder());
        List<Path> files = BatchScorer.imageFiles(folder);
        if (files.isEmpty()) {
            throw new UserError("No DICOM, NIfTI, PNG or JPEG files in " + folder + ".");
        }
        Path csv = p.csv() == null || p.csv().isBlank() ? folder.resolve("radlens-scores.csv") : Path.of(p.csv());
        try (ModelSession.Lease lease = session.acquire()) {
            var c = lease.model().classifier();
            List<String> findings = new ArrayList<>(c.defaultFindings().keySet());
            List<BatchScorer.Row> rows = BatchScorer.score(lease.model(), files, c.defaultFindings());
            ResultsTable rt = Tables.fresh();
            for (BatchScorer.Row r : rows) {
                rt.incrementCounter();
                rt.addValue("File", r.file());
                for (String f : findings) {
                    rt.addValue(f, r.probabilities().getOrDefault(f, Double.NaN));
                }
                rt.addValue("Top", r.top());
                rt.addValue("Input scope", r.scope());
                rt.addValue("Note", r.note());
                rt.addValue("Error", r.error());
            }
            Tables.show(rt);
            BatchScorer.writeCsv(rows, findings, csv);
            IJ.showStatus("RadLens: " + rows.size() + " files scored, " + csv);
            return rows;
        }
    }
}
