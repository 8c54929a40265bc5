package org.radlens.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radlens.cli.demo.DemoContext;
import org.radlens.cli.demo.DemoStep;
import org.radlens.cli.demo.DemoSteps;
import org.radlens.cli.demo.StepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code radlens demo}: runs {@link DemoSteps#defaults()} over the bundled samples and writes {@code summary.json}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run RadLens on the bundled sample images and write a summary to --out.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Folder with sample images (default: samples/ of the RadLens installation).")
    Path samples;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Where results go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path dir = samples != null ? samples : defaultSamples();
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "samples folder not found: " + dir.toAbsolutePath()
                    + " (pass --samples DIR)");
        }
        Files.createDirectories(out);
        PrintWriter console = spec.commandLine().getOut();
        console.println("radlens demo: samples " + dir.toAbsolutePath().normalize());
        DemoContext context = new DemoContext(dir, out);
        List<Map<String, Object>> steps = new ArrayList<>();
        long start = System.nanoTime();
        for (DemoStep step : DemoSteps.defaults()) {
            StepReport report = step.run(context);
            console.println("[" + report.step() + "]");
            report.lines().forEach(l -> console.println("  " + l));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", report.step());
            s.putAll(report.details());
            steps.add(s);
        }
        Path summary = writeSummary(dir, steps, (System.nanoTime() - start) / 1_000_000);
        console.println("wrote " + summary.toAbsolutePath().normalize());
        console.flush();
        return 0;
    }

    private Path writeSummary(Path dir, List<Map<String, Object>> steps, long millis) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("radlens_version", new VersionProvider().getVersion()[0]);
        json.put("samples", dir.toAbsolutePath().normalize().toString());
        json.put("steps", steps);
        json.put("elapsed_ms", millis);
        Path file = out.resolve("summary.json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** {@code $radlens.home/samples} when the launcher sets {@code radlens.home}, else {@code ./samples}. */
    static Path defaultSamples() {
        String home = System.getProperty("radlens.home");
        return home != null ? Path.of(home, "samples") : Path.of("samples");
    }
}
