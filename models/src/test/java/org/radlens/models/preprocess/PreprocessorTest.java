package org.radlens.models.preprocess;

import org.junit.jupiter.api.Test;
import org.radlens.models.pkg.ModelManifest.ImageSpec;
import org.radlens.models.pkg.ModelManifest.IntensityMode;
import org.radlens.models.pkg.ModelManifest.IntensitySpec;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.VoxelGeometry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreprocessorTest {

    private static ImageSpec spec(int channels, double pad) {
        List<Double> mean = channels == 1 ? List.of(0.5) : List.of(0.5, 0.4, 0.3);
        List<Double> std = channels == 1 ? List.of(0.25) : List.of(0.25, 0.2, 0.1);
        return new ImageSpec("image_encoder.onnx", "pixel_values", 8, channels,
                new IntensitySpec(IntensityMode.MINMAX, 0, 100), "letterbox", pad, mean, std);
    }

    @Test
    void padsAroundAWideImageAndNormalises() {
        // 8x4 image: k = 1, rows 2..5 hold it, rows 0-1 and 6-7 are padding
        float[] v = new float[32];
        for (int i = 0; i < 32; i++) {
            v[i] = i % 8;   // 0..7 across
        }
        Image2D img = Image2D.gray(8, 4, v, VoxelGeometry.planar(1, 1), IntensityInfo.rawGray());
        PreparedImage p = new Preprocessor(spec(1, 0.0)).prepare(img);
        assertEquals(2, p.transform().offsetY());
        assertEquals((0.0 - 0.5) / 0.25, p.pixels()[0], 1e-6);              // padding
        assertEquals((0.0 - 0.5) / 0.25, p.pixels()[2 * 8], 1e-6);          // row 2, x 0 → value 0
        assertEquals((1.0 - 0.5) / 0.25, p.pixels()[2 * 8 + 7], 1e-6);      // row 2, x 7 → value 1
        assertEquals((3 / 7.0 - 0.5) / 0.25, p.pixels()[5 * 8 + 3], 1e-6);
    }

    @Test
    void threeChannelModelsGetTheGreyPlaneInEveryChannelWithTheirOwnNormalisation() {
        Image2D img = Image2D.gray(2, 2, new float[] {0, 1, 2, 3}, VoxelGeometry.planar(1, 1),
                IntensityInfo.rawGray());
        PreparedImage p = new Preprocessor(spec(3, 1.0)).prepare(img);
        assertEquals(3 * 64, p.pixels().length);
        assertEquals((1.0 - 0.5) / 0.25, p.pixels()[63], 1e-6);          // bottom-right of channel 0: value 1
        assertEquals((1.0 - 0.4) / 0.2, p.pixels()[64 + 63], 1e-6);
        assertEquals((0.0 - 0.3) / 0.1, p.pixels()[128], 1e-6);           // top-left of channel 2: value 0
    }
}
