import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import org.radlens.bench.LocalOrthanc;
import org.radlens.dicomio.DicomCopies;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.web.*;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.*;

/**
 * Output identity of the DICOMweb path across two builds (issue 15): fresh copies (fixed seeds, so the same UIDs in
 * every run) of 2 workload films × 6 transfer syntaxes in a throw-away {@link LocalOrthanc}, scored through
 * {@code ScoreRuns.dicomWeb} (2 workers, --segment, full decode), then the SR and SEG fetched back from the server
 * into {@code OUT/server}. Compare two OUT folders with {@code /work/notes/ident/compare.py} (timings and DICOM
 * creation times aside).
 *
 * <pre>
 * java -cp "cli/target/radlens-cli.jar:$(ls cli/target/lib/*.jar | tr '\n' :)/usr/share/java/gdcm.jar" \
 *     validation/bench/WebIdentity.java OUT
 * </pre>
 */
public class WebIdentity {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]);
        Path root = Path.of(System.getProperty("user.home"), ".cache/radlens/workload");
        Path work = Files.createTempDirectory("web-ident");
        List<Path> films = new ArrayList<>();
        try (var s = Files.walk(root)) { s.filter(p -> p.toString().matches(".*(nih-00000261_002|siim-cr)\\.dcm")).sorted().forEach(films::add); }
        try (LocalOrthanc o = LocalOrthanc.start(Files.createDirectories(work.resolve("o")), "{}", null);
             RadLensModel model = ScoreModels.open(Path.of("models/packages/default"), 1)) {
            for (int i = 0; i < films.size(); i++)
                for (Path c : DicomCopies.withNewUids(films.get(i), work.resolve("in" + i), 1, "ident-" + i)) o.upload(c);
            DicomWebClient web = new DicomWebClient(o.dicomWeb(), Auth.none(), Duration.ofSeconds(60), 3, Duration.ofMillis(200));
            ScoringEngine engine = new ScoringEngine(model, true, null, ScopeGate.chestRadiographs(), false);
            Files.createDirectories(out);
            try (Journal j = Journal.open(out.resolve("journal.jsonl"))) {
                System.out.println(ScoreRuns.dicomWeb(engine, j, web, List.of(), List.of("CR", "DX"), null, out, 2, 4, n -> Progress.NONE));
                OutputFiles.write(out, j.rows());
            }
            Path derived = Files.createDirectories(out.resolve("server"));
            for (String m : List.of("SR", "SEG"))
                for (InstanceRef r : web.searchInstances(null, Map.of("Modality", m)))
                    Files.write(derived.resolve(m + "-" + r.sopInstanceUid() + ".dcm"), web.retrieve(r));
        }
    }
}
