package org.radlens.models.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radlens.models.RadLensModel;
import org.radlens.models.testing.TestPackages;
import org.radlens.volume3d.Connectivity;
import org.radlens.volume3d.ConnectedComponents;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Masks;
import org.radlens.volume3d.Plane;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;

/** 3D masks on the tiny package (it has a segmentation head): stacking, geometry, 3D cleaning. */
class VolumeSegmenterTest {
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
    void uncleanedMaskIsTheStackOfTheSliceMasks() throws Exception {
        Volume v = VolumeEncoderTest.randomVolume(new Random(0), 30, 24, 5);
        for (Plane p : Plane.values()) {
            LabelMask m = model.volumeSegmenter().segment(v, new VolumeOptions(p, 2, 2),
                    VolumeSegmenter.Cleaning.none());
            assertEquals(v.geometry(), m.geometry());
            assertEquals(v.nz(), m.depth());
            Volume labels = Masks.toVolume(m);
            for (int i = 0; i < Reslicing.count(v, p); i++) {
                LabelMask want = model.segmenter().segment(Reslicing.slice(v, p, i));
                float[] got = Reslicing.slice(labels, p, i).channel(0);
                byte[] w = want.labels();
                for (int q = 0; q < w.length; q++) {
                    assertEquals(w[q] & 0xff, (int) got[q], p + " slice " + i + " pixel " + q);
                }
            }
            assertEquals(model.segmenter().classes(), m.classNames());
        }
    }

    @Test
    void cleaningKeepsOneComponentPerClassInsideTheRawMask() throws Exception {
        Volume v = VolumeEncoderTest.randomVolume(new Random(1), 30, 30, 6);
        VolumeOptions o = VolumeOptions.defaults();
        LabelMask raw = model.volumeSegmenter().segment(v, o, VolumeSegmenter.Cleaning.none());
        LabelMask clean = model.volumeSegmenter().segment(v, o, VolumeSegmenter.Cleaning.largest(
                Connectivity.SIX));
        assertEquals(raw.geometry(), clean.geometry());
        assertTrue(clean.source().contains("largest 3D component"), clean.source());
        for (int label = 1; label <= raw.classNames().size(); label++) {
            int comps = ConnectedComponents.label(clean, label, Connectivity.SIX).count();
            assertTrue(comps <= 1, "label " + label + " has " + comps + " components");
            assertEquals(ConnectedComponents.keepLargest(raw, Connectivity.SIX).count(label), clean.count(label));
        }
        byte[] r = raw.labels();
        byte[] c = clean.labels();
        for (int q = 0; q < r.length; q++) {
            assertTrue(c[q] == 0 || c[q] == r[q]);
        }
    }

    @Test
    void regionsFromGroundingMaps() throws Exception {
        Volume v = VolumeEncoderTest.randomVolume(new Random(2), 24, 24, 3);
        LabelMask m = model.volumeSegmenter().segment(v, List.of("left lung", "right lung"),
                VolumeOptions.defaults(), VolumeSegmenter.Cleaning.atLeast(Connectivity.TWENTY_SIX, 1));
        assertEquals(List.of("left lung", "right lung"), m.classNames());
        assertEquals(v.geometry(), m.geometry());
        LabelMask slice0 = model.segmenter().segment(v.slice(0), List.of("left lung", "right lung"));
        byte[] want = slice0.labels();
        byte[] got = java.util.Arrays.copyOf(m.labels(), want.length);
        assertArrayEquals(want, got, "slice 0, components of >= 1 voxel keep everything");
    }
}
