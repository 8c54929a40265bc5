package org.radlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.RetrievalEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radlens eval retrieval}: image↔text recall at 1, 5, 10. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Image-text retrieval over a manifest of pairs (columns image,text): R@1/5/10 both ways.")
final class EvalRetrievalCommand implements Callable<Integer> {
    @Mixin
    ManifestOptions in;

    @Option(names = "--embeddings", description = "Precomputed embeddings CSV: kind,key,e0,e1,...")
    Path embeddings;

    @Mixin
    EvalOptions eval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvalRunner.execute(() -> {
            Manifest m = Manifest.read(in.manifest);
            SourceOptions o = SourceOptions.of(in.model, null, null, null, null, embeddings);
            try (EmbeddingSource s = new EvalSources(o, "image").embeddings()) {
                return RetrievalEvaluation.run(m, s, eval.settings());
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
