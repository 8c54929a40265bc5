package org.radlens.cli;

import org.radlens.dicomio.dimse.DimseClient;
import org.radlens.dicomio.dimse.ListenerSettings;
import org.radlens.dicomio.dimse.RemoteAe;
import org.radlens.dicomio.dimse.StorageReceiver;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.tls.TlsSettings;
import org.radlens.models.RadLensModel;
import org.radlens.pipeline.Journal;
import org.radlens.pipeline.OutputFiles;
import org.radlens.pipeline.ScoringEngine;
import org.radlens.pipeline.listen.ListenService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code radlens listen}: a C-STORE receiver that scores arriving CR/DX images and C-STOREs SR/SEG onwards. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "DICOM C-STORE/C-ECHO receiver: score each CR/DX image, send the SR (and SEG) to --dest.")
final class ListenCommand implements Callable<Integer> {
    @Option(names = "--port", required = true, paramLabel = "PORT", description = "Port to listen on.")
    int port;

    @Option(names = "--aet", paramLabel = "AET", description = "Our AE title; callers must call it (default: RADLENS).")
    String aet = "RADLENS";

    @Option(names = "--dest", paramLabel = "AET@HOST:PORT", description = "Where SR/SEG go by C-STORE.")
    String dest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Journal, results and DICOM copies.")
    Path out;

    @Option(names = "--model", paramLabel = "PKG", description = "Model package (default: the bundled one).")
    Path model;

    @Option(names = "--segment", description = "Also segment the lungs and send a DICOM SEG.")
    boolean segment;

    @Option(names = "--overlay-sc", paramLabel = "QUERY", description = "Also send an RGB Secondary Capture of the "
            + "heat map of QUERY (e.g. pneumonia) over the image.")
    String overlayQuery;

    @Option(names = "--reduced-decode", description = "As 'radlens score --reduced-decode': JPEG 2000 films decoded "
            + "at a reduced resolution (faster; scores differ slightly from a full decode; SR/SEG on the full grid).")
    boolean reducedDecode;

    @Option(names = "--modality", paramLabel = "M", split = ",",
            description = "DICOM modalities scored (default: CR,DX; OT may be added); other objects are refused.")
    java.util.List<String> modalities = new java.util.ArrayList<>(ScopeGate.DEFAULT_MODALITIES);

    @Option(names = "--workers", paramLabel = "N", description = "Parallel workers (default: 2).")
    int workers = 2;

    @Option(names = "--stop-after", paramLabel = "N", description = "Stop after N objects (default: run until killed).")
    int stopAfter = -1;

    @Mixin ListenSecurityOptions security;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RemoteAe destination;
        ScopeGate gate;
        ListenerSettings listener;
        TlsSettings destTls;
        try { // every option is checked (stores opened) before the model loads
            destination = dest == null ? null : RemoteAe.parse(dest);
            listener = security.listener(port, aet, System.getenv());
            destTls = security.destination(System.getenv());
            gate = new ScopeGate(modalities);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (destination != null) {
            DimseClient.echo(destination, aet, destTls); // fail fast when the destination is unreachable
        }
        try (RadLensModel m = org.radlens.pipeline.ScoreModels.open(model, workers);
             Journal journal = Journal.open(out.resolve("journal.jsonl"))) {
            ScoringEngine engine = new ScoringEngine(m, segment, overlayQuery, gate, reducedDecode);
            try (ListenService service = new ListenService(engine, new ListenService.Destination(destination, aet,
                    destTls), journal, out, workers);
                 StorageReceiver receiver = new StorageReceiver(listener, out.resolve("incoming"),
                         service::received)) {
                List<String> lines = new ArrayList<>(ListenSecurityOptions.describe(listener));
                lines.add(service.leftovers() + " left over from before");
                lines.forEach(l -> spec.commandLine().getErr().println("radlens listen: " + l));
                spec.commandLine().getErr().flush();
                Thread onStop = new Thread(() -> writeQuietly(journal)); // Ctrl-C / SIGTERM: results still rebuilt
                Runtime.getRuntime().addShutdownHook(onStop);
                while (stopAfter < 0 || service.handled() < stopAfter) {
                    Thread.sleep(100);
                }
                Runtime.getRuntime().removeShutdownHook(onStop);
            }
            OutputFiles.write(out, journal.rows());
            return 0;
        }
    }

    private void writeQuietly(Journal journal) {
        try {
            OutputFiles.write(out, journal.rows());
        } catch (java.io.IOException e) {
            System.err.println("radlens listen: cannot write results: " + e.getMessage());
        }
    }
}
