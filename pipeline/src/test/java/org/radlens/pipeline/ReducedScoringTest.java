package org.radlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.models.RadLensModel;
import org.radlens.models.preprocess.Bilinear;
import org.radlens.volume3d.Image2D;

/**
 * {@link ScoringEngine}'s reduced decoding ({@code radlens score --reduced-decode}) with the default model, on a JPEG
 * 2000 lossless chest film made here from the committed DX sample (upsampled to 1,024², encoded by jai-imageio): the
 * film is read at 512² (one wavelet level left out), its SEG is on the full 1,024² grid, scores and lung area are
 * within the stated tolerances of the full decode; option off, other syntaxes, and an overlay SC (which needs the
 * full pixels) give exactly what the engine gives without the option.
 */
class ReducedScoringTest {
    private static final Path SAMPLE = Path.of("../samples/covid-notes-329_637.dcm");
    private static final Path MODEL = Path.of("../models/packages/default");
    /** Largest |Δ probability| allowed between the reduced and the full decode (measured: see validation/README.md). */
    private static final double PROBABILITY_TOLERANCE = 0.02;
    /** Largest relative lung-area difference allowed. */
    private static final double AREA_TOLERANCE = 0.03;

    @TempDir
    static Path tmp;
    private static RadLensModel model;
    private static Path film;

    @BeforeAll
    static void open() throws Exception {
        model = ScoreModels.open(MODEL, 1);
        film = j2kFilm(tmp.resolve("j2k.dcm"), 1024);
    }

    @AfterAll
    static void close() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    private static ScoringEngine engine(boolean reduced, String overlay) throws Exception {
        return new ScoringEngine(model, true, overlay, ScopeGate.chestRadiographs(), reduced);
    }

    @Test
    void reducedDecodeKeepsTheFullGridAndScoresWithinTolerance() throws Exception {
        assertEquals(1, DicomReader.readSourcedReduced(film, 448).image().levels(), "read at 512x512");
        Scored full = engine(false, null).score("f", film, true);
        Scored red = engine(true, null).score("f", film, true);
        assertEquals("SCORED", red.row().status().name());
        Map<String, Double> a = full.row().findings();
        Map<String, Double> b = red.row().findings();
        assertEquals(a.keySet(), b.keySet());
        double max = 0;
        for (String k : a.keySet()) {
            max = Math.max(max, Math.abs(a.get(k) - b.get(k)));
        }
        assertTrue(max <= PROBABILITY_TOLERANCE, "max |dp| " + max);
        assertNotEquals(a, b, "the reduced read was used: not the full decode's scores bit for bit");
        double area = Math.abs(red.row().lungAreaMm2() / full.row().lungAreaMm2() - 1);
        assertTrue(area <= AREA_TOLERANCE, "lung area differs by " + area);
        Path seg = Files.write(tmp.resolve("seg.dcm"), red.seg());
        AttributeList l = read(seg);
        assertEquals(1024, Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Rows, 0));
        assertEquals(1024, Attribute.getSingleIntegerValueOrDefault(l, TagFromName.Columns, 0));
        assertEquals(full.row().segUid(), red.row().segUid(), "same deterministic UIDs");
    }

    @Test
    void theListenersEntryPointUsesTheReducedReadToo() throws Exception {
        org.radlens.dicomio.SourceImage src = DicomReader.readSourcedImage(film).source();
        Scored viaHeader = engine(true, null).score("f", film, src, true, null);
        assertSame(engine(true, null).score("f", film, true), viaHeader);
        assertSame(engine(false, null).score("f", film, true), engine(false, null).score("f", film, src, true, null));
        assertNotEquals(engine(false, null).score("f", film, true).row().findings(), viaHeader.row().findings());
    }

    @Test
    void optionOffOtherSyntaxesAndOverlaysAreTheFullDecode() throws Exception {
        ScoringEngine today = new ScoringEngine(model, true, null, ScopeGate.chestRadiographs());
        assertSame(today.score("f", film, true), engine(false, null).score("f", film, true));
        assertSame(today.score("s", SAMPLE, true), engine(true, null).score("s", SAMPLE, true));
        ScoringEngine overlayToday = new ScoringEngine(model, true, "pneumonia", ScopeGate.chestRadiographs());
        Scored withOverlay = engine(true, "pneumonia").score("f", film, true);
        assertSame(overlayToday.score("f", film, true), withOverlay);
        assertTrue(withOverlay.sc().length > 0);
    }

    /** Same scores, area, UIDs, SR length, and SEG/SC pixels (the objects' creation times differ between runs). */
    private static void assertSame(Scored want, Scored got) throws Exception {
        assertEquals(want.row().findings(), got.row().findings());
        assertEquals(want.row().lungAreaMm2(), got.row().lungAreaMm2());
        assertEquals(want.row().srUid(), got.row().srUid());
        assertEquals(want.sr().length, got.sr().length);
        assertArrayEquals(pixels(want.seg()), pixels(got.seg()));
        assertArrayEquals(pixels(want.sc()), pixels(got.sc()));
    }

    private static byte[] pixels(byte[] object) throws Exception {
        if (object.length == 0) {
            return object;
        }
        return read(Files.write(Files.createTempFile(tmp, "obj", ".dcm"), object)).get(TagFromName.PixelData)
                .getByteValues();
    }

    /** The DX sample upsampled to {@code size}², 8-bit, as JPEG 2000 lossless (1.2.840.10008.1.2.4.90). */
    static Path j2kFilm(Path out, int size) throws Exception {
        Image2D img = DicomReader.readImage(SAMPLE);
        float[] up = Bilinear.resize(img.channel(0), img.width(), img.height(), size, size);
        BufferedImage bi = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < up.length; i++) {
            bi.getRaster().setSample(i % size, i / size, 0, Math.round(Math.max(0, Math.min(255, up[i]))));
        }
        ImageWriter w = new J2KImageWriterSpi().createWriterInstance();
        J2KImageWriteParam p = (J2KImageWriteParam) w.getDefaultWriteParam();
        p.setLossless(true);
        p.setWriteCodeStreamOnly(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream o = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(o);
            w.write(null, new IIOImage(bi, null, null), p);
        } finally {
            w.dispose();
        }
        byte[] cs = bytes.toByteArray();
        AttributeList l = read(SAMPLE);
        String ts = "1.2.840.10008.1.2.4.90";
        l.replaceWithValueIfPresent(TagFromName.TransferSyntaxUID, ts);
        l.replaceWithValueIfPresent(TagFromName.Rows, Integer.toString(size));
        l.replaceWithValueIfPresent(TagFromName.Columns, Integer.toString(size));
        l.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData,
                new byte[][] {cs.length % 2 == 0 ? cs : java.util.Arrays.copyOf(cs, cs.length + 1)}));
        l.write(out.toFile(), ts, true, true);
        return out;
    }

    private static AttributeList read(Path p) throws Exception {
        AttributeList l = new AttributeList();
        l.setDecompressPixelData(false);
        try (DicomInputStream in = new DicomInputStream(p.toFile())) {
            l.read(in);
        }
        return l;
    }
}
