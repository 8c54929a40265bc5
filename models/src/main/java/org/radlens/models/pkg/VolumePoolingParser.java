package org.radlens.models.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.radlens.models.ModelLoadException;
import org.radlens.models.pkg.ModelManifest.VolumePoolingSpec;

/** Reads the optional {@code volume_pooling} manifest section (see MODEL-PACKAGE.md, "Volumes"). */
final class VolumePoolingParser {
    private static final Set<String> MODES = Set.of("mean", "max", "attention");

    private VolumePoolingParser() {
    }

    static Optional<VolumePoolingSpec> parse(JsonFields root, int embeddingDim) throws ModelLoadException {
        if (!root.has("volume_pooling")) {
            return Optional.empty();
        }
        JsonFields f = root.object("volume_pooling");
        String mode = f.string("default", "mean").toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw f.invalid("default", "is '" + mode + "': expected mean, max or attention");
        }
        double[] weights = new double[0];
        double bias = 0;
        if (f.has("attention")) {
            JsonFields a = f.object("attention");
            weights = weights(a, embeddingDim);
            bias = a.number("bias", 0);
        }
        if ("attention".equals(mode) && weights.length == 0) {
            throw f.invalid("default", "is 'attention' but the section has no 'attention' weights");
        }
        return Optional.of(new VolumePoolingSpec(mode, weights, bias));
    }

    private static double[] weights(JsonFields a, int embeddingDim) throws ModelLoadException {
        if (!a.has("weights") || !a.raw().get("weights").isJsonArray()) {
            throw a.invalid("weights", "must be an array of " + embeddingDim + " numbers (embedding_dim)");
        }
        var array = a.raw().getAsJsonArray("weights");
        if (array.size() != embeddingDim) {
            throw a.invalid("weights", "has " + array.size() + " values, expected embedding_dim = " + embeddingDim);
        }
        double[] w = new double[embeddingDim];
        for (int i = 0; i < w.length; i++) {
            JsonElement e = array.get(i);
            if (!(e instanceof JsonPrimitive p) || !p.isNumber() || !Double.isFinite(p.getAsDouble())) {
                throw a.invalid("weights", "value " + i + " is not a finite number: " + e);
            }
            w[i] = e.getAsDouble();
        }
        return w;
    }
}
