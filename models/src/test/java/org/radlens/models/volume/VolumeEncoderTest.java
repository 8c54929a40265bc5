package org.radlens.models.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.Embeddings;
import org.radlens.models.testing.TestPackages;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

/** The volume encoder on the tiny package: slice embeddings equal the 2D encoder's, pooling, threads, attention. */
class VolumeEncoderTest {
    private static RadLensModel model;

    @BeforeAll
    static void open() throws Exception {
        model = RadLensModel.open(TestPackages.dir("tiny"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** A random CT-like volume (smooth blob plus noise, HU) on an oblique anisotropic grid. */
    static Volume randomVolume(Random r, int nx, int ny, int nz) {
        float[] d = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double q = Math.pow((i - nx / 2.0) / nx, 2) + Math.pow((j - ny / 2.0) / ny, 2);
                    d[(k * ny + j) * nx + i] = (float) (q < 0.12 ? 40 + 30 * r.nextGaussian() : -900 + 50 * r
                            .nextGaussian());
                }
            }
        }
        VoxelGeometry g = VoxelGeometry.of(new double[] {0.8, 0.9, 2.5}, new double[] {-100, 20, -300},
                new double[] {0, 1, 0, 1, 0, 0, 0, 0, -1});
        return new Volume(nx, ny, nz, d, g, IntensityInfo.rawGray());
    }

    @Test
    void sliceEmbeddingsAreTheTwoDEncodersAlongEveryAxis() throws Exception {
        Volume v = randomVolume(new Random(0), 40, 30, 6);
        VolumeEncoder enc = model.volumeEncoder();
        for (Plane p : Plane.values()) {
            float[][] got = enc.sliceEmbeddings(v, new VolumeOptions(p, 4, 1));
            assertEquals(Reslicing.count(v, p), got.length);
            for (int i = 0; i < got.length; i++) {
                Image2D s = Reslicing.slice(v, p, i);
                assertArrayEquals(Embeddings.normalize(model.imageEncoder().encode(s).embedding()), got[i], 1e-5f,
                        p + " slice " + i);
            }
        }
    }

    @Test
    void twoThreadsGiveTheSameAsOneAndMeanPoolsTheUnitSlices() throws Exception {
        Volume v = randomVolume(new Random(1), 36, 28, 9);
        VolumeEncoder enc = model.volumeEncoder();
        VolumeEmbedding one = enc.encode(v, new VolumeOptions(Plane.AXIAL, 2, 1), Pooling.MEAN);
        VolumeEmbedding two = enc.encode(v, new VolumeOptions(Plane.AXIAL, 2, 2), Pooling.MEAN);
        assertArrayEquals(one.embedding(), two.embedding(), 1e-6f);
        assertEquals(9, one.slices());
        float[] mean = new float[one.embedding().length];
        for (float[] s : one.sliceEmbeddings()) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += s[i] / 9;
            }
        }
        assertArrayEquals(mean, one.embedding(), 1e-6f);
        assertEquals(v.geometry(), one.sourceGeometry());
        assertEquals(Pooling.MEAN, enc.defaultPooling());
        assertThrows(IllegalArgumentException.class, () -> enc.encode(v, VolumeOptions.defaults(),
                Pooling.ATTENTION));
    }

    @Test
    void volumeZeroShotOfOneSliceEqualsTheSlicesScores() throws Exception {
        Volume v = randomVolume(new Random(2), 32, 32, 1);
        for (Pooling p : List.of(Pooling.MEAN, Pooling.MAX)) {
            VolumeEmbedding e = model.volumeEncoder().encode(v, VolumeOptions.defaults(), p);
            List<FindingScore> vol = model.classifier().classify(e.embedding(),
                    model.classifier().defaultFindings());
            List<FindingScore> img = model.classifier().classify(v.slice(0));
            assertEquals(img.size(), vol.size());
            for (int i = 0; i < img.size(); i++) {
                assertEquals(img.get(i).finding(), vol.get(i).finding());
                assertEquals(img.get(i).probability(), vol.get(i).probability(), 1e-5, p + " " + img.get(i));
            }
        }
    }

    @Test
    void attentionPoolingFromThePackageManifest(@TempDir Path tmp) throws Exception {
        Path pkg = TestPackages.copy("tiny", tmp.resolve("tiny"));
        Path manifest = pkg.resolve("radlens-model.json");
        JsonObject m = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        int d = m.getAsJsonObject("outputs").get("embedding_dim").getAsInt();
        Random r = new Random(3);
        double[] w = new double[d];
        JsonArray weights = new JsonArray();
        for (int i = 0; i < d; i++) {
            w[i] = 4 * r.nextGaussian();
            weights.add(w[i]);
        }
        JsonObject att = new JsonObject();
        att.add("weights", weights);
        JsonObject pooling = new JsonObject();
        pooling.addProperty("default", "attention");
        pooling.add("attention", att);
        m.add("volume_pooling", pooling);
        Files.writeString(manifest, m.toString());
        Volume v = randomVolume(r, 30, 30, 5);
        try (RadLensModel withAttention = RadLensModel.open(pkg)) {
            VolumeEncoder enc = withAttention.volumeEncoder();
            assertEquals(Pooling.ATTENTION, enc.defaultPooling());
            VolumeEmbedding e = enc.encode(v, VolumeOptions.defaults(), enc.defaultPooling());
            float[][] unit = e.sliceEmbeddings();
            double[] score = new double[unit.length];
            double sum = 0;
            for (int s = 0; s < unit.length; s++) {
                for (int i = 0; i < d; i++) {
                    score[s] += w[i] * unit[s][i];
                }
            }
            for (int s = 0; s < unit.length; s++) {
                sum += Math.exp(score[s]);
            }
            for (int s = 0; s < unit.length; s++) {
                assertEquals(Math.exp(score[s]) / sum, e.sliceWeights()[s], 1e-5);
            }
        }
    }

    @Test
    void progressHearsEveryBatchAndTheSameEmbeddingComesOut() throws Exception {
        Volume v = randomVolume(new Random(4), 30, 26, 7);
        VolumeEncoder enc = model.volumeEncoder();
        for (int threads = 1; threads <= 2; threads++) {
            List<int[]> calls = new java.util.ArrayList<>();
            VolumeOptions o = new VolumeOptions(Plane.AXIAL, 3, threads);
            VolumeEmbedding e = enc.encode(v, o, Pooling.MEAN, (done, total) -> calls.add(new int[] {done, total}));
            assertArrayEquals(enc.encode(v, o, Pooling.MEAN).embedding(), e.embedding(), 0f);
            assertEquals(3, calls.size(), threads + " threads");
            for (int i = 0; i < calls.size(); i++) {
                assertEquals(7, calls.get(i)[1]);
                assertTrue(calls.get(i)[0] > (i == 0 ? 0 : calls.get(i - 1)[0]), "done grows");
            }
            assertEquals(7, calls.get(2)[0]);
        }
    }

    @Test
    void aProgressThatSaysStopEndsTheWorkAfterItsBatch() throws Exception {
        Volume v = randomVolume(new Random(5), 30, 26, 9);
        for (int threads = 1; threads <= 2; threads++) {
            int[] calls = new int[1];
            SliceProgress stop = (done, total) -> {
                calls[0]++;
                return false;
            };
            VolumeOptions o = new VolumeOptions(Plane.AXIAL, 2, threads);
            VolumeEncodingStopped e = assertThrows(VolumeEncodingStopped.class,
                    () -> model.volumeEncoder().encode(v, o, Pooling.MEAN, stop));
            assertEquals(1, calls[0], threads + " threads");
            assertTrue(e.getMessage().contains("of 9 slices"), e.getMessage());
            assertThrows(VolumeEncodingStopped.class,
                    () -> model.volumeGrounder().heatMap(v, "lungs", o, stop));
        }
        int[] last = new int[1];
        HeatMap3D m = model.volumeGrounder().heatMap(v, "lungs", new VolumeOptions(Plane.AXIAL, 4, 1),
                (done, total) -> {
                    last[0] = done;
                    return done < total; // stop asked for only once everything is done: the map comes out
                });
        assertEquals(9, last[0]);
        assertArrayEquals(model.volumeGrounder().heatMap(v, "lungs", VolumeOptions.defaults()).values(), m.values(),
                1e-6f);
    }
}
