package org.radlens.models.testing;

import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.encode.ImageEncoder;
import org.radlens.models.encode.Stream;
import org.radlens.models.encode.TextEmbedding;
import org.radlens.models.encode.TextEncoder;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.volume3d.Image2D;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-made encoders for testing the maths above the engine. */
public final class FakeEncoders {
    private FakeEncoders() {
    }

    /** A text encoder that looks embeddings up in a table (same vector in both streams unless given per stream). */
    public static final class Table implements TextEncoder {
        private final Map<String, float[]> pathology;
        private final Map<String, float[]> anatomy;
        public final AtomicInteger textsEncoded = new AtomicInteger();

        public Table(Map<String, float[]> pathology, Map<String, float[]> anatomy) {
            this.pathology = pathology;
            this.anatomy = anatomy;
        }

        @Override
        public List<TextEmbedding> encode(List<String> texts) {
            List<TextEmbedding> out = new ArrayList<>();
            for (String t : texts) {
                textsEncoded.incrementAndGet();
                float[] p = pathology.get(t);
                if (p == null) {
                    throw new IllegalArgumentException("no fake embedding for '" + t + "'");
                }
                Map<Stream, float[]> e = new EnumMap<>(Stream.class);
                e.put(Stream.PATHOLOGY, p);
                e.put(Stream.ANATOMY, anatomy.getOrDefault(t, p));
                out.add(new TextEmbedding(t, e));
            }
            return out;
        }

        @Override
        public long[] tokenIds(String text) {
            return new long[] {text.length()};
        }

        @Override
        public boolean hasStream(Stream stream) {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** An image encoder that returns one fixed embedding for every image. */
    public static final class Fixed implements ImageEncoder {
        private final ImageEmbedding embedding;
        private final boolean anatomy;

        public Fixed(ImageEmbedding embedding, boolean anatomy) {
            this.embedding = embedding;
            this.anatomy = anatomy;
        }

        @Override
        public List<ImageEmbedding> encodeAll(List<Image2D> images) {
            List<ImageEmbedding> out = new ArrayList<>();
            images.forEach(i -> out.add(embedding));
            return out;
        }

        @Override
        public List<ImageEmbedding> encodePrepared(List<PreparedImage> images) {
            List<ImageEmbedding> out = new ArrayList<>();
            images.forEach(i -> out.add(embedding));
            return out;
        }

        @Override
        public boolean hasStream(Stream stream) {
            return stream == Stream.PATHOLOGY || anatomy;
        }

        @Override
        public boolean hasSegmentation() {
            return embedding.segLogits().isPresent();
        }

        @Override
        public void close() {
        }
    }
}
