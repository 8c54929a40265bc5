package org.radlens.validation.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.radlens.validation.eval.ClassPrompts;
import org.radlens.validation.eval.EmbeddingSource;
import org.radlens.validation.eval.EvalException;
import org.radlens.validation.eval.EvalSettings;
import org.radlens.validation.eval.GroundingEvaluation;
import org.radlens.validation.eval.HeatMapSource;
import org.radlens.validation.eval.Manifest;
import org.radlens.validation.eval.ManifestException;
import org.radlens.validation.eval.MaskSource;
import org.radlens.validation.eval.RetrievalEvaluation;
import org.radlens.validation.eval.ScoreSource;
import org.radlens.validation.eval.SegmentationEvaluation;
import org.radlens.validation.eval.SourceException;
import org.radlens.validation.eval.ZeroShotEvaluation;
import org.radlens.validation.eval.ZeroShotSpec;
import org.radlens.validation.report.EvalReport;

/**
 * Runs a suite: adapts its manifest from the data root, then runs the task's evaluation with sources from a
 * {@link SuiteSources}.
 *
 * <pre>{@code
 * EvalReport r = SuiteRunner.run(Suites.load("kermany-zeroshot"), dataRoot, sources, EvalSettings.defaults(out));
 * }</pre>
 */
public final class SuiteRunner {
    /** Default threshold for grounding overlap metrics (after min–max scaling). */
    public static final double GROUNDING_THRESHOLD = 0.5;

    private SuiteRunner() {
    }

    public static EvalReport run(SuiteDefinition d, Path dataRoot, SuiteSources sources, EvalSettings st)
            throws IOException, ManifestException, EvalException, SourceException {
        Manifest m = SuiteManifests.adapt(d, dataRoot);
        switch (d.task()) {
            case "zeroshot" -> {
                List<ClassPrompts> classes = d.classes().stream().map(c -> new ClassPrompts(c, List.of())).toList();
                try (ScoreSource s = sources.scores(); ScoreSource b = sources.compareScores()) {
                    return ZeroShotEvaluation.run(m, new ZeroShotSpec("image", "label", classes), s, b, st);
                }
            }
            case "grounding" -> {
                try (HeatMapSource s = sources.heatMaps()) {
                    return GroundingEvaluation.run(m, s, GROUNDING_THRESHOLD, st);
                }
            }
            case "segmentation" -> {
                try (MaskSource s = sources.masks()) {
                    return SegmentationEvaluation.run(m, s, sources.maskReader(), st);
                }
            }
            case "retrieval" -> {
                try (EmbeddingSource s = sources.embeddings()) {
                    return RetrievalEvaluation.run(m, s, st);
                }
            }
            default -> throw new IllegalArgumentException("unknown task '" + d.task() + "' in suite " + d.name());
        }
    }
}
