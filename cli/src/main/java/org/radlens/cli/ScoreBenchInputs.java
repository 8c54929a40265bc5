package org.radlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radlens.validation.bench.Workload;

/**
 * What {@code radlens bench score} copies: {@code --sample}, else the realistic workload's files (only
 * {@code --encodings} when given), else the bundled DX sample; each with a label (the workload's encoding, or the
 * file's name), by which the report splits the per-image stages.
 */
record ScoreBenchInputs(List<Path> files, List<String> labels) {
    private static final String DX_SAMPLE = "samples/covid-notes-329_637.dcm";

    static ScoreBenchInputs of(Path file) {
        return new ScoreBenchInputs(List.of(file), List.of(String.valueOf(file.getFileName())));
    }

    /**
     * @param workload the workload folder, null for {@code --quick}
     * @param notes    gets a line saying what was chosen, or that the workload is missing
     * @throws IllegalArgumentException an encoding the workload does not have (the message lists those it has)
     */
    static ScoreBenchInputs choose(Path sample, Path workload, List<String> encodings, Path home, List<String> notes)
            throws IOException {
        if (sample != null) {
            return of(sample);
        }
        Optional<Workload> w = workload == null ? Optional.empty() : Workload.find(workload);
        if (w.isPresent()) {
            List<Workload.Entry> entries = chosen(w.get(), encodings);
            notes.add("realistic workload " + workload + ": " + entries.size() + " films x encodings"
                    + (encodings == null ? "" : " (" + String.join(", ", encodings) + ")"));
            return new ScoreBenchInputs(entries.stream().map(Workload.Entry::file).toList(),
                    entries.stream().map(Workload.Entry::encoding).toList());
        }
        if (workload != null) {
            notes.add("realistic workload not found in " + workload + ": make it with " + Workload.GENERATOR
                    + "; the small DX sample instead");
        }
        return of(home.resolve(DX_SAMPLE));
    }

    private static List<Workload.Entry> chosen(Workload w, List<String> encodings) {
        if (encodings == null) {
            return w.entries();
        }
        for (String e : encodings) {
            if (!w.byEncoding().containsKey(e)) {
                throw new IllegalArgumentException("--encodings: no '" + e + "' in the workload " + w.folder()
                        + "; it has " + String.join(", ", w.byEncoding().keySet()));
            }
        }
        return w.entries().stream().filter(x -> encodings.contains(x.encoding())).toList();
    }
}
