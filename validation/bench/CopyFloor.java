import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The simplest memory-bound read of the workload's uncompressed films, as a floor for dicom-io's (issue 15): the whole
 * file into a byte[] and one little-endian short → float loop over the pixel data (its 1,024-byte header skipped
 * approximately: this is a timing, not a reader). Median of 15 repetitions, ms per film.
 *
 * <pre>java validation/bench/CopyFloor.java</pre>
 */
public class CopyFloor {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("RADLENS_WORKLOAD",
                System.getProperty("user.home") + "/.cache/radlens/workload"), "uncompressed");
        List<Path> films;
        try (var s = Files.list(dir)) {
            films = s.sorted().toList();
        }
        double[] read = new double[15];
        double[] convert = new double[15];
        float sink = 0;
        for (int r = 0; r < read.length; r++) {
            for (Path f : films) {
                long t0 = System.nanoTime();
                byte[] b = Files.readAllBytes(f);
                long t1 = System.nanoTime();
                int n = (b.length - 1024) / 2;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (short) ((b[1024 + 2 * i] & 0xff) | (b[1025 + 2 * i] << 8));
                }
                sink += out[n / 2];
                read[r] += (t1 - t0) / 1e6 / films.size();
                convert[r] += (System.nanoTime() - t1) / 1e6 / films.size();
            }
        }
        Arrays.sort(read);
        Arrays.sort(convert);
        System.out.printf("readAllBytes %.1f ms/film, short->float loop %.1f ms/film (%s)%n", read[7], convert[7],
                sink == 0.5f ? "" : "ok");
    }
}
