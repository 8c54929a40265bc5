package org.radlens.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.Stream;
import org.radlens.models.grounding.Grounder;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.grounding.PixelBox;
import org.radlens.pipeline.render.OverlayRenderer;
import org.radlens.volume3d.Image2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code radlens ground}: heat maps and boxes of text queries. */
@Command(name = "ground", mixinStandardHelpOptions = true,
        description = "Grounding: where each query matches the image (heat map in original pixels, boxes).")
final class GroundCommand implements Callable<Integer> {
    /** Which embedding stream a query uses. */
    enum StreamChoice { AUTO, PATHOLOGY, ANATOMY }

    @Mixin
    ModelOptions options;

    @Mixin
    VolumeOptionsMixin volume;

    @Option(names = "--query", paramLabel = "TEXT", required = true,
            description = "Query text, a package finding or an anatomy name such as 'right lung' (repeatable).")
    List<String> queries;

    @Option(names = "--stream", defaultValue = "AUTO", description = "AUTO (anatomy names use the anatomy stream), "
            + "PATHOLOGY or ANATOMY. Default: ${DEFAULT-VALUE}.")
    StreamChoice stream;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "FRACTION",
            description = "Box threshold between the map's minimum (0) and maximum (1). Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, NIfTI volumes or DICOM series folders "
            + "(volumes: each query's stream is chosen as by AUTO; --out writes NIfTI heat maps).")
    List<Path> images;

    @Spec
    CommandSpec spec;

    private final ImageSource source;

    GroundCommand() {
        this(ImageSources.standard());
    }

    GroundCommand(ImageSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        try (RadLensModel model = options.open()) {
            return ImageBatch.run(images, new ImageBatch.Job(source, options.gate(model, spec),
                    (file, image, e) -> ground(model, file, image, e),
                    (file, v) -> VolumeResults.ground(model, file, v, queries, volume, options.out)),
                    options.output(List.of("query", "stream", "x", "y", "w", "h", "score"), spec));
        } catch (ModelLoadException e) {
            spec.commandLine().getErr().println("radlens ground: " + e.getMessage());
            return 1;
        }
    }

    private ImageBatch.Result ground(RadLensModel model, Path file, Image2D image, ImageEmbedding e)
            throws Exception {
        JsonArray arr = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        for (String q : queries) {
            Stream s = stream == StreamChoice.AUTO ? model.grounder().streamFor(q) : Stream.valueOf(stream.name());
            HeatMap map = model.grounder().heatMap(e, q, s);
            Grounding g = Grounder.boxes(map, map.relativeThreshold(threshold));
            JsonObject o = JsonRows.grounding(q, g);
            for (PixelBox b : g.boxes()) {
                rows.add(List.of(q, map.stream().name(), "" + b.x(), "" + b.y(), "" + b.w(), "" + b.h(),
                        ImageBatch.fmt(b.score())));
            }
            if (options.out != null) {
                Path png = options.out.resolve(Overlays.stem(file) + "_" + Overlays.slug(q) + ".png");
                Overlays.write(OverlayRenderer.heat(OverlayRenderer.grey(image), map, g.boxes()), png);
                o.addProperty("overlay", png.toString());
            }
            arr.add(o);
        }
        JsonObject json = new JsonObject();
        json.add("queries", arr);
        return new ImageBatch.Result(json, rows);
    }
}
