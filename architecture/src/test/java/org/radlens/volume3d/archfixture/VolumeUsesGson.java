package org.radlens.volume3d.archfixture;

/** Deliberately bad: volume3d using a third-party library other than imglib2. */
public class VolumeUsesGson {
    public String json(Object o) {
        return new com.google.gson.Gson().toJson(o);
    }
}
