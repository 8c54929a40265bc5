package org.radlens.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.fiji.commands.ClassifyCommand;
import org.radlens.fiji.commands.ClassifyVolumeCommand;
import org.radlens.fiji.commands.GroundCommand;
import org.radlens.fiji.commands.GroundVolumeCommand;
import org.radlens.fiji.commands.OpenImageCommand;
import org.radlens.fiji.commands.SegmentCommand;

/** Heat maps and label images made by the commands are refused by every command that needs the image itself. */
class DerivedImagesTest {
    private static final ClassifyCommand.Params CLASSIFY = new ClassifyCommand.Params("", false);
    private static final GroundCommand.Params GROUND = new GroundCommand.Params("lungs", 50, 0.5, "fire", true, false);
    private static final SegmentCommand.Params SEGMENT = new SegmentCommand.Params(true, false);

    @Test
    void classifyOnTheHeatMapMadeByGroundIsRefusedNamingItAndSayingWhatToSelect() throws Exception {
        ImagePlus film = OpenImageCommand.open(Fixtures.CXR_JPEG);
        ImagePlus heat = GroundCommand.execute(film, GROUND, Fixtures.session()).heatMapImage();
        long before = Fixtures.pixelChecksum(heat);
        UserError e = assertThrows(UserError.class, () -> ClassifyCommand.execute(heat, CLASSIFY, Fixtures.session()));
        assertEquals("\"" + heat.getTitle() + "\" is a RadLens heat map, not a radiograph.\n"
                + ClassifyCommand.TITLE + " needs the radiograph itself: select the radiograph's window (click it, "
                + "or choose it in the Window menu) and run " + ClassifyCommand.TITLE + " again.", e.getMessage());
        assertEquals(before, Fixtures.pixelChecksum(heat));
        assertEquals(null, heat.getOverlay());
        assertRefused(() -> SegmentCommand.execute(heat, SEGMENT, Fixtures.session()), heat, "radiograph");
        assertRefused(() -> GroundCommand.execute(heat, GROUND, Fixtures.session()), heat, "radiograph");
        assertEquals(Optional.empty(), DerivedImages.kind(film), "the film itself is not a derived image");
        assertTrue(ClassifyCommand.execute(film, CLASSIFY, Fixtures.session()).size() > 0);
    }

    @Test
    void segmentLabelImagesAndSavedHeatMapsAreRefusedToo(@TempDir Path dir) throws Exception {
        ImagePlus film = OpenImageCommand.open(Fixtures.CXR_JPEG);
        ImagePlus labels = SegmentCommand.execute(film, SEGMENT, Fixtures.session()).labelImage();
        assertEquals(Optional.of(DerivedImages.LABELS), DerivedImages.kind(labels));
        assertRefused(() -> ClassifyCommand.execute(labels, CLASSIFY, Fixtures.session()), labels, "radiograph");
        ImagePlus heat = GroundCommand.execute(film, GROUND, Fixtures.session()).heatMapImage();
        Path tif = dir.resolve("heat.tif");
        IJ.saveAsTiff(heat, tif.toString());
        ImagePlus reopened = IJ.openImage(tif.toString());
        assertEquals(Optional.of(DerivedImages.HEAT_MAP), DerivedImages.kind(reopened));
        assertRefused(() -> ClassifyCommand.execute(reopened, CLASSIFY, Fixtures.session()), reopened,
                "radiograph");
    }

    @Test
    void volumeCommandsRefuseHeatMapStacksAndSingle2DImages() throws Exception {
        ImagePlus volume = OpenImageCommand.open(Fixtures.NIFTI);
        ImagePlus stack = GroundVolumeCommand.execute(volume,
                new GroundVolumeCommand.Params("lungs", 40, "fire", 1, 0, 12, true), Fixtures.session())
                .heatMapStack();
        assertRefused(() -> ClassifyVolumeCommand.execute(stack,
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, false), Fixtures.session()), stack, "volume");
        long before = Fixtures.pixelChecksum(stack);
        assertRefused(() -> GroundVolumeCommand.execute(stack,
                new GroundVolumeCommand.Params("lungs", 40, "fire", 1, 0, 1, false), Fixtures.session()), stack,
                "volume");
        assertRefused(() -> ClassifyCommand.execute(stack, CLASSIFY, Fixtures.session()), stack, "radiograph");
        assertEquals(before, Fixtures.pixelChecksum(stack));
        assertNull(stack.getOverlay());
        ImagePlus film = OpenImageCommand.open(Fixtures.CXR_JPEG);
        UserError e = assertThrows(UserError.class, () -> ClassifyVolumeCommand.execute(film,
                new ClassifyVolumeCommand.Params("", false, 1, 0, 1, false), Fixtures.session()));
        assertTrue(e.getMessage().contains("is a single 2D image") && e.getMessage().contains("Classify Chest X-ray"),
                e.getMessage());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable run, ImagePlus imp, String needed) {
        UserError e = assertThrows(UserError.class, run);
        assertTrue(e.getMessage().startsWith("\"" + imp.getTitle() + "\" is a RadLens ")
                && e.getMessage().contains("select the " + needed + "'s window"), e.getMessage());
    }
}
