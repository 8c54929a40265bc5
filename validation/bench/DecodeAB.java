import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.radlens.dicomio.DicomReader;

/**
 * One-thread decode timing of the realistic workload, for A/B runs of two builds in alternating JVMs (issue 15):
 * {@code DicomReader.readImage} of every film of each named encoding, median over warm repetitions, ms per film.
 *
 * <pre>
 * java -cp "$(ls cli/target/lib/*.jar | tr '\n' :)/usr/share/java/gdcm.jar" validation/bench/DecodeAB.java \
 *     uncompressed,jpeg-ls-lossless,j2k-lossy,rle 9
 * </pre>
 */
public class DecodeAB {
    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(args[1]);
        Path root = Path.of(System.getenv().getOrDefault("RADLENS_WORKLOAD",
                System.getProperty("user.home") + "/.cache/radlens/workload"));
        for (String encoding : args[0].split(",")) {
            List<Path> films;
            try (var s = Files.list(root.resolve(encoding))) {
                films = s.sorted().toList();
            }
            for (Path f : films) {
                DicomReader.readImage(f); // warm-up
            }
            double[] ms = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (Path f : films) {
                    DicomReader.readImage(f);
                }
                ms[r] = (System.nanoTime() - t0) / 1e6 / films.size();
            }
            Arrays.sort(ms);
            System.out.printf("%-20s median %7.1f ms/film  min %7.1f%n", encoding, ms[reps / 2], ms[0]);
        }
    }
}
