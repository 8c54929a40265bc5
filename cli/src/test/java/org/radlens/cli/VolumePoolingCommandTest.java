package org.radlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.ImageFiles;
import org.radlens.models.RadLensModel;
import org.radlens.models.volume.HeatMap3D;
import org.radlens.models.volume.Pooling;
import org.radlens.models.volume.VolumeOptions;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.volume3d.Volume;

/**
 * {@code radlens classify} and {@code radlens ground} on a NIfTI volume with a package whose default pooling is
 * attention: the printed scores are the attention-pooled ones of models' {@code VolumeEncoder}, and the NIfTI heat
 * map holds {@code VolumeGrounder}'s voxels. Fiji's Classify Volume and Ground in Volume are checked against the same
 * calls (fiji-plugin {@code VolumeParityTest}), so the two front ends give the same numbers.
 */
class VolumePoolingCommandTest extends CliTest {
    private static final Path NIFTI = Path.of("../dicom-io/src/test/resources/fixtures/anatomical.nii")
            .toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void classifyPrintsTheAttentionPooledScoresOfThePackage() throws Exception {
        Path pkg = attentionPackage(tmp.resolve("pkg"));
        assertEquals(0, run("classify", "--model", pkg.toString(), NIFTI.toString()), err.toString());
        List<String> printed = new ArrayList<>();
        for (String line : out.toString().lines().skip(1).toList()) { // header, then image finding p pos neg
            String[] cells = line.split("\t");
            printed.add(cells[1] + " " + cells[2]);
        }
        List<String> expected = new ArrayList<>();
        List<String> mean = new ArrayList<>();
        try (RadLensModel model = RadLensModel.open(pkg)) {
            Volume v = ImageFiles.readVolume(NIFTI);
            for (Pooling p : List.of(Pooling.ATTENTION, Pooling.MEAN)) {
                float[] e = model.volumeEncoder().encode(v, VolumeOptions.defaults(), p).embedding();
                for (FindingScore s : model.classifier().classify(e, model.classifier().defaultFindings())) {
                    (p == Pooling.ATTENTION ? expected : mean).add(s.finding() + " " + fmt(s.probability()));
                }
            }
        }
        assertEquals(expected, printed);
        org.junit.jupiter.api.Assertions.assertNotEquals(mean, printed, "attention, not mean, pooling");
        out.getBuffer().setLength(0);
        assertEquals(0, run("classify", "--model", pkg.toString(), "--json", NIFTI.toString()), err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("ATTENTION", json.get("pooling").getAsString());
    }

    @Test
    void groundWritesTheVolumeGroundersVoxelsAndPrintsItsPeak() throws Exception {
        Path pkg = attentionPackage(tmp.resolve("pkg"));
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        assertEquals(0, run("ground", "--model", pkg.toString(), "--query", "lungs", "--out", outDir.toString(),
                NIFTI.toString()), err.toString());
        HeatMap3D m;
        try (RadLensModel model = RadLensModel.open(pkg)) {
            m = model.volumeGrounder().heatMap(ImageFiles.readVolume(NIFTI), "lungs", VolumeOptions.defaults());
        }
        Volume written = ImageFiles.readVolume(outDir.resolve("anatomical_lungs.nii.gz"));
        assertArrayEquals(m.values(), written.data(), 0f);
        String row = out.toString().lines().skip(1).findFirst().orElseThrow();
        int[] peak = peak(m);
        assertEquals(String.join("\t", NIFTI.toString(), "lungs", m.stream().name(), "" + peak[0], "" + peak[1],
                "" + peak[2], fmt(m.range()[1])), row);
    }

    /** A copy of the tiny package whose default volume pooling is attention (seeded random weights). */
    static Path attentionPackage(Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(TINY)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(TINY.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path manifest = to.resolve("radlens-model.json");
        JsonObject m = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        int d = m.getAsJsonObject("outputs").get("embedding_dim").getAsInt();
        Random r = new Random(16);
        JsonArray weights = new JsonArray();
        for (int i = 0; i < d; i++) {
            weights.add(8 * r.nextGaussian());
        }
        JsonObject attention = new JsonObject();
        attention.add("weights", weights);
        JsonObject pooling = new JsonObject();
        pooling.addProperty("default", "attention");
        pooling.add("attention", attention);
        m.add("volume_pooling", pooling);
        Files.writeString(manifest, m.toString());
        return to;
    }

    private static int[] peak(HeatMap3D m) {
        float[] v = m.values();
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        int n = m.nx() * m.ny();
        return new int[] {best % n % m.nx(), best % n / m.nx(), best / n};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
