package org.radlens.validation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapPeakTest {
    @TempDir
    Path tmp;

    @Test
    void readingAVolumeCostsAboutItsFloatVoxelsInHeap() throws Exception {
        Path nii = tmp.resolve("v.nii");
        IoInputs.writeVolume(nii, 40); // 512x512x40 int16: 41.9 MB of float voxels
        HeapPeak.Result r = HeapPeak.readNifti(nii);
        assertEquals(4L * 512 * 512 * 40, r.voxelBytes());
        assertTrue(r.ratio() >= 0.95 && r.ratio() < HeapPeak.TARGET_RATIO, r.toString());
        assertTrue(r.toString().contains("512x512x40"), r.toString());
    }
}
