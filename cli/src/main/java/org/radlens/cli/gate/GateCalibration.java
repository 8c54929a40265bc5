package org.radlens.cli.gate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.radlens.cli.gate.CalibrationData.Film;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.gate.EmbeddingGate;
import org.radlens.models.gate.Prototypes;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;

/**
 * Calibrates an embedding input gate for a model: prototypes by spherical k-means on the L2-normalised embeddings of
 * (a per-source sample of) the in-scope TRAIN films, {@code min_cosine} chosen on the VAL films only (the largest
 * threshold that flags at most {@code maxFlagRate} of them), then the honest figures: the flag rate on the frontal
 * TEST films (per source) and on the out-of-scope inputs (per source; NIfTI volumes give three axial slices each),
 * for the embedding gate alone and combined with the header gate ({@link ScopeGate}).
 */
final class GateCalibration {
    /** Calibration settings. */
    record Options(int prototypes, int trainPerSource, double maxFlagRate, long seed) {
    }

    /** {@code flagged} of {@code images}. */
    record Rate(int images, int flagged) {
        double value() {
            return images == 0 ? Double.NaN : (double) flagged / images;
        }

        Rate plus(boolean flag) {
            return new Rate(images + 1, flagged + (flag ? 1 : 0));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d = %.1f %%", flagged, images, 100 * value());
        }
    }

    /** The gate and its figures. */
    record Result(EmbeddingGate gate, Rate val, Map<String, Rate> test, Map<String, Rate> outOfScope,
                  Map<String, Rate> outOfScopeWithHeader, int unreadable) {
        static Rate total(Map<String, Rate> m) {
            return m.values().stream().reduce(new Rate(0, 0), (a, b) -> new Rate(a.images + b.images,
                    a.flagged + b.flagged));
        }
    }

    private final RadLensModel model;
    private final PrintWriter log;
    private int unreadable;

    GateCalibration(RadLensModel model, PrintWriter log) {
        this.model = model;
        this.log = log;
    }

    Result run(Path data, Options o) throws Exception {
        List<Film> films = CalibrationData.inScope(data);
        List<float[]> train = new ArrayList<>();
        for (Film f : sample(films, o.trainPerSource())) {
            float[] e = embed(f);
            if (e != null) {
                train.add(Embeddings.normalize(e));
            }
        }
        log.printf("gate-calibrate: %d train embeddings, k-means with k = %d%n", train.size(), o.prototypes());
        List<float[]> protos = Prototypes.kMeans(train, o.prototypes(), 50, new Random(o.seed()));
        EmbeddingGate probe = new EmbeddingGate(protos, 0, new EmbeddingGate.Calibration(0, 0, 0, 0, List.of()));
        List<Double> valCos = new ArrayList<>();
        for (Film f : films.stream().filter(f -> f.split().equals("val")).toList()) {
            float[] e = embed(f);
            if (e != null) {
                valCos.add(probe.maxCosine(e));
            }
        }
        double t = Prototypes.threshold(valCos.stream().mapToDouble(Double::doubleValue).toArray(), o.maxFlagRate());
        Rate val = new Rate(valCos.size(), (int) valCos.stream().filter(c -> c < t).count());
        log.printf(Locale.ROOT, "gate-calibrate: min_cosine %.4f flags %s of the val films%n", t, val);
        EmbeddingGate gate = new EmbeddingGate(protos, t, new EmbeddingGate.Calibration(0, 0, 0, 0, List.of()));
        Map<String, Rate> test = new LinkedHashMap<>();
        for (Film f : films.stream().filter(f -> f.split().equals("test")).toList()) {
            float[] e = embed(f);
            if (e != null) {
                test.merge(f.source(), new Rate(1, gate.maxCosine(e) < t ? 1 : 0), GateCalibration::add);
            }
        }
        Map<String, Rate> out = new LinkedHashMap<>();
        Map<String, Rate> outHeader = new LinkedHashMap<>();
        outOfScope(data, gate, out, outHeader);
        Rate testAll = Result.total(test);
        Rate outAll = Result.total(out);
        List<String> sources = List.of("prototypes: k-means on " + train.size() + " train films (nih, "
                        + "montgomery-shenzhen, rsna-normals, kermany; <= " + o.trainPerSource() + " per source)",
                String.format(Locale.ROOT, "min_cosine: flags %s of the val films (target <= %.1f %%)", val,
                        100 * o.maxFlagRate()),
                "held-out frontal TEST films flagged: " + testAll + " " + test, "out of scope: " + out);
        EmbeddingGate done = new EmbeddingGate(protos, t, new EmbeddingGate.Calibration(val.images(), val.value(),
                outAll.images(), outAll.value(), sources));
        return new Result(done, val, test, out, outHeader, unreadable);
    }

    private void outOfScope(Path data, EmbeddingGate gate, Map<String, Rate> out, Map<String, Rate> withHeader)
            throws Exception {
        ScopeGate header = ScopeGate.chestRadiographs();
        for (Film f : CalibrationData.outOfScope(data)) {
            List<Image2D> images = new ArrayList<>();
            boolean headerSays = false;
            try {
                headerSays = header.check(InputFacts.read(f.file()), "x").status()
                        != org.radlens.dicomio.scope.Scope.Status.IN_SCOPE;
                if (f.source().equals("nifti")) {
                    Volume v = ImageFiles.readVolume(f.file());
                    for (int k : new int[] {v.nz() / 4, v.nz() / 2, 3 * v.nz() / 4}) {
                        images.add(v.slice(k));
                    }
                } else {
                    images.add(ImageFiles.readImage2D(f.file()));
                }
            } catch (Exception e) { // an unreadable conformance file is skipped and counted, the others go on
                unreadable++;
                continue;
            }
            for (Image2D img : images) {
                float[] e = embed(img);
                if (e != null) {
                    boolean flag = gate.maxCosine(e) < gate.minCosine();
                    out.merge(f.source(), new Rate(1, flag ? 1 : 0), GateCalibration::add);
                    withHeader.merge(f.source(), new Rate(1, flag || headerSays ? 1 : 0), GateCalibration::add);
                }
            }
        }
    }

    private static Rate add(Rate a, Rate b) {
        return new Rate(a.images() + b.images(), a.flagged() + b.flagged());
    }

    /** Up to {@code n} TRAIN films per source, spread evenly over the source's films in file order. */
    static List<Film> sample(List<Film> films, int n) {
        Map<String, List<Film>> bySource = new LinkedHashMap<>();
        films.stream().filter(f -> f.split().equals("train")).sorted(Comparator.comparing(f -> f.file().toString()))
                .forEach(f -> bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f));
        List<Film> out = new ArrayList<>();
        for (List<Film> l : bySource.values()) {
            double step = Math.max(1.0, (double) l.size() / n);
            for (double i = 0; i < l.size(); i += step) {
                out.add(l.get((int) i));
            }
        }
        return out;
    }

    private float[] embed(Film f) {
        try {
            return embed(ImageFiles.readImage2D(f.file()));
        } catch (Exception e) { // a missing or unreadable film is skipped and counted
            unreadable++;
            return null;
        }
    }

    private float[] embed(Image2D img) {
        try {
            ImageEmbedding e = model.imageEncoder().encode(img.channels() > 1 ? img.toGray() : img);
            return e.embedding();
        } catch (Exception e) { // e.g. an image too small for the encoder
            unreadable++;
            return null;
        }
    }
}
