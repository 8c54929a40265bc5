import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radlens.bench.LocalOrthanc;
import org.radlens.dicomio.DicomCopies;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import org.radlens.dicomio.web.InstanceRef;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.DicomWebScoring;
import org.radlens.pipeline.ScoreModels;
import org.radlens.pipeline.Scored;
import org.radlens.pipeline.ScoringEngine;

/**
 * Where the DICOMweb transfer time of {@code bench score} goes (issue 15), one thread, one request at a time, against
 * a throw-away {@link LocalOrthanc} holding fresh-UID copies of the realistic workload's 30 films: the QIDO search
 * once; per film WADO-RS through {@code curl} (Orthanc's share: time to first byte and total) and through the
 * JDK HttpClient split into time to the response headers and body read (HTTP/2-capable default and HTTP/1.1), the
 * JDK HttpURLConnection, then
 * the retrieve into a temporary file as {@code DicomWebScoring} does it; wall and CPU ms of this JVM and of Orthanc; then, per film scored
 * once, the SR + SEG store ({@code exists} × 2 + one STOW-RS) of a fresh copy; the client as {@code bench score} makes
 * it (3 retries, 200 ms backoff). Medians over films and repetitions.
 *
 * <pre>
 * java -cp "cli/target/radlens-cli.jar:$(ls cli/target/lib/*.jar | tr '\n' :)/usr/share/java/gdcm.jar" \
 *     validation/bench/WebTransfer.java 3 [models/packages/default]
 * </pre>
 */
public class WebTransfer {
    static final String ACCEPT = DicomWebClient.RETRIEVE_ACCEPT;
    static final Map<String, List<Double>> MS = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(args[0]);
        Path pkg = Path.of(args.length > 1 ? args[1] : "models/packages/default");
        Path root = Path.of(System.getenv().getOrDefault("RADLENS_WORKLOAD",
                System.getProperty("user.home") + "/.cache/radlens/workload"));
        Path work = Files.createTempDirectory("web-transfer");
        List<Path> films = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(films::add);
        }
        try (LocalOrthanc o = LocalOrthanc.start(Files.createDirectories(work.resolve("orthanc")), "{}", null)) {
            orthanc = ProcessHandle.current().children().filter(p -> p.info().command().orElse("").contains("Orthanc"))
                    .findFirst().orElseThrow();
            List<Path> copies = new ArrayList<>();
            for (int i = 0; i < films.size(); i++) {
                copies.addAll(DicomCopies.withNewUids(films.get(i), work.resolve("in").resolve("f" + i), 1, "web-transfer-" + i));
            }
            for (Path c : copies) {
                o.upload(c);
            }
            DicomWebClient web = new DicomWebClient(o.dicomWeb(), Auth.none(), Duration.ofSeconds(60), 3,
                    Duration.ofMillis(200));
            long t0 = System.nanoTime();
            List<InstanceRef> refs = DicomWebScoring.query(web, List.of(), List.of("CR", "DX"), null);
            System.out.printf("QIDO search (CR, DX), %d instances: %.1f ms%n", refs.size(), (System.nanoTime() - t0) / 1e6);
            retrievals(o, web, refs, reps, work);
            bucket = "";
            stores(o, web, copies, pkg, work);
        }
        new java.util.TreeMap<>(MS).forEach((k, v) -> {
            double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(a);
            System.out.printf("%-44s median %7.1f  mean %7.1f  min %7.1f ms  (n=%d)%n", k, a[a.length / 2],
                    Arrays.stream(a).average().orElse(0), a[0], a.length);
        });
    }

    static void retrievals(LocalOrthanc o, DicomWebClient web, List<InstanceRef> refs, int reps, Path work)
            throws Exception {
        HttpClient h2 = HttpClient.newBuilder().build(); // as DicomWebClient builds it (version HTTP_2 by default)
        HttpClient h11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> size = new java.util.HashMap<>();
        for (InstanceRef r : refs) {
            int n = web.retrieve(r).length;
            asScoringDoes(web, r, work.resolve("warm.dcm")); // warm
            size.put(r.sopInstanceUid(), n < 4_000_000 ? " [< 4 MB]" : n < 10_000_000 ? " [4-10 MB]" : " [>= 10 MB]");
            MS.clear();
            retrieveRaw(h2, o.dicomWeb().resolve(r.path()), work, "warm");
            retrieveRaw(h11, o.dicomWeb().resolve(r.path()), work, "warm");
        }
        MS.clear();
        for (int rep = 0; rep < reps; rep++) {
            for (InstanceRef r : refs) {
                URI uri = o.dicomWeb().resolve(r.path());
                bucket = size.get(r.sopInstanceUid());
                start();
                curl(uri, "curl WADO-RS");
                stop("curl WADO-RS");
                curl(URI.create("http://127.0.0.1:" + o.httpPort() + "/instances/" + orthancId(o, r) + "/file"),
                        "curl REST /instances/{id}/file");
                start();
                retrieveRaw(h2, uri, work, "java HttpClient(default)");
                stop("java HttpClient(default)");
                start();
                retrieveRaw(h11, uri, work, "java HttpClient(HTTP_1_1)");
                stop("java HttpClient(HTTP_1_1)");
                start();
                urlConnection(uri);
                stop("java HttpURLConnection");
                start();
                long t0 = System.nanoTime();
                Path tmp = Files.createTempFile(work, "wado-", ".dcm");
                asScoringDoes(web, r, tmp);
                long t2 = System.nanoTime();
                Files.delete(tmp);
                add("client: retrieve into the temp file", (t2 - t0) / 1e6);
                stop("client: retrieve into the temp file");
            }
        }
    }

    static String orthancId(LocalOrthanc o, InstanceRef r) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + o.httpPort() + "/tools/lookup")).POST(HttpRequest.BodyPublishers.ofString(r.sopInstanceUid()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll("(?s).*\"ID\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** As {@code DicomWebScoring} does it: {@code retrieve(ref, file)} where the build has it, else bytes + write. */
    static void asScoringDoes(DicomWebClient web, InstanceRef r, Path tmp) throws Exception {
        try {
            DicomWebClient.class.getMethod("retrieve", InstanceRef.class, Path.class).invoke(web, r, tmp);
        } catch (NoSuchMethodException before) {
            Files.write(tmp, web.retrieve(r));
        }
    }

    static void curl(URI uri, String label) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{time_starttransfer} %{time_total}",
                "-H", "Accept: " + ACCEPT, uri.toString()).redirectErrorStream(true).start();
        String[] t = new String(p.getInputStream().readAllBytes()).trim().split(" ");
        p.waitFor();
        add(label + ": first byte", Double.parseDouble(t[0]) * 1e3);
        add(label + ": total", Double.parseDouble(t[1]) * 1e3);
    }

    /** The same GET through java.net.HttpURLConnection (kept-alive connections are pooled by the JDK). */
    static void urlConnection(URI uri) throws Exception {
        long t0 = System.nanoTime();
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
        c.setRequestProperty("Accept", ACCEPT);
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = c.getInputStream()) {
            while (in.read(buf) > 0) {
                // drained
            }
        }
        add("java HttpURLConnection: total", (System.nanoTime() - t0) / 1e6);
    }

    static void retrieveRaw(HttpClient http, URI uri, Path work, String label) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).header("Accept", ACCEPT).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long t1 = System.nanoTime();
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readAllBytes();
        }
        long t2 = System.nanoTime();
        add(label + ": headers", (t1 - t0) / 1e6);
        add(label + ": body read", (t2 - t1) / 1e6);
        add(label + ": total", (t2 - t0) / 1e6);
        add(label + ": MB/s", body.length / ((t2 - t0) / 1e3));
    }

    static void stores(LocalOrthanc o, DicomWebClient web, List<Path> copies, Path pkg, Path work) throws Exception {
        try (RadLensModel model = ScoreModels.open(pkg, 1)) {
            ScoringEngine engine = new ScoringEngine(model, true, null, ScopeGate.chestRadiographs(), true);
            for (int i = 0; i < copies.size(); i += 5) { // one film per encoding
                Scored s = engine.score("x", copies.get(i), true, null);
                String study = org.radlens.dicomio.DicomReader.readSourcedImage(copies.get(i)).source().studyInstanceUid();
                start();
                long t0 = System.nanoTime();
                int absent = 0;
                for (String uid : s.objects().keySet()) {
                    absent += web.exists(study, uid) ? 0 : 1;
                }
                long t1 = System.nanoTime();
                web.store(new ArrayList<>(s.objects().values()));
                long t2 = System.nanoTime();
                add("exists() x" + s.objects().size() + " (" + absent + " absent)", (t1 - t0) / 1e6);
                add("STOW-RS SR+SEG", (t2 - t1) / 1e6);
                stop("exists() + STOW-RS");
                add("SR+SEG KiB", s.objects().values().stream().mapToInt(b -> b.length).sum() / 1024.0);
            }
        }
    }

    static ProcessHandle orthanc;
    static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    static String bucket = "";

    /** CPU ms so far: this JVM and the Orthanc process (from /proc; clock ticks of 10 ms). */
    static double[] cpu() throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + orthanc.pid() + "/stat")).replaceAll(".*\\) ", "")
                .split(" ");
        return new double[] {OS.getProcessCpuTime() / 1e6, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0};
    }

    static double[] mark;

    static void start() throws Exception {
        mark = cpu();
    }

    static void stop(String label) throws Exception {
        double[] now = cpu();
        add(label + ": CPU ms java", now[0] - mark[0]);
        add(label + ": CPU ms Orthanc", now[1] - mark[1]);
    }

    static void add(String k, double v) {
        MS.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        if (!bucket.isEmpty()) {
            MS.computeIfAbsent(k + bucket, x -> new ArrayList<>()).add(v);
        }
    }
}
