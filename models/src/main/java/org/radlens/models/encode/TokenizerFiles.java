package org.radlens.models.encode;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.radlens.models.ModelLoadException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the runtime needs from a Hugging Face {@code tokenizer.json} besides what DJL's tokenizer gives. */
final class TokenizerFiles {
    private TokenizerFiles() {
    }

    /** The pad id: {@code padding.pad_id}, else the id of {@code [PAD]} in {@code model.vocab}, else 0. */
    static long padId(Path tokenizerJson) throws ModelLoadException {
        String name = tokenizerJson.getFileName().toString();
        JsonElement root;
        try (Reader r = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (IOException | JsonParseException e) {
            throw new ModelLoadException(name + ": bad tokenizer JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new ModelLoadException(name + ": bad tokenizer JSON: the top level must be an object");
        }
        JsonObject o = root.getAsJsonObject();
        if (o.has("padding") && o.get("padding").isJsonObject()
                && o.getAsJsonObject("padding").has("pad_id")) {
            return o.getAsJsonObject("padding").get("pad_id").getAsLong();
        }
        if (o.has("model") && o.get("model").isJsonObject()) {
            JsonElement vocab = o.getAsJsonObject("model").get("vocab");
            if (vocab != null && vocab.isJsonObject() && vocab.getAsJsonObject().has("[PAD]")) {
                return vocab.getAsJsonObject().get("[PAD]").getAsLong();
            }
        }
        return 0;
    }
}
