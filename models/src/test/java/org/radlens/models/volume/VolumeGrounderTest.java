package org.radlens.models.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radlens.models.RadLensModel;
import org.radlens.models.grounding.HeatMap;
import org.radlens.models.testing.TestPackages;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;

/** 3D heat maps on the tiny package: source geometry, and every slice equals the 2D map of that slice. */
class VolumeGrounderTest {
    private static RadLensModel model;

    @BeforeAll
    static void open() throws Exception {
        model = RadLensModel.open(TestPackages.dir("tiny"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void everySliceOfTheThreeDMapIsTheTwoDMapOfThatSliceInEveryPlane() throws Exception {
        Volume v = VolumeEncoderTest.randomVolume(new Random(0), 34, 26, 5);
        for (Plane p : Plane.values()) {
            for (String query : new String[] {"lungs", "pleural effusion"}) {
                HeatMap3D m = model.volumeGrounder().heatMap(v, query, new VolumeOptions(p, 3, 2));
                assertEquals(v.geometry(), m.geometry());
                assertEquals(v.nx(), m.nx());
                assertEquals(v.ny(), m.ny());
                assertEquals(v.nz(), m.nz());
                assertEquals(model.grounder().streamFor(query), m.stream());
                for (int i = 0; i < Reslicing.count(v, p); i++) {
                    Image2D s = Reslicing.slice(v, p, i);
                    HeatMap want = model.grounder().heatMap(s, query);
                    Volume asVolume = m.toVolume();
                    assertArrayEquals(want.values(), Reslicing.slice(asVolume, p, i).channel(0), 1e-5f,
                            p + " " + query + " slice " + i);
                }
            }
        }
    }

    @Test
    void toVolumeKeepsGridAndValues() throws Exception {
        Volume v = VolumeEncoderTest.randomVolume(new Random(1), 20, 20, 3);
        HeatMap3D m = model.volumeGrounder().heatMap(v, "lungs", VolumeOptions.defaults());
        Volume out = m.toVolume();
        assertEquals(v.geometry(), out.geometry());
        assertArrayEquals(m.values(), out.data(), 0f);
        assertEquals("cosine", out.intensity().units());
        float[] r = m.range();
        assertEquals(true, r[0] >= -1.0001f && r[1] <= 1.0001f && r[0] < r[1], java.util.Arrays.toString(r));
    }
}
