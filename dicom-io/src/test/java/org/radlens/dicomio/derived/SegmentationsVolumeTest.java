package org.radlens.dicomio.derived;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.ExternalTools;
import org.radlens.dicomio.SeriesSource;
import org.radlens.dicomio.SliceSource;
import org.radlens.dicomio.SourcedVolume;
import org.radlens.dicomio.SyntheticSeries;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.VoxelGeometry;

/** Multi-frame SEG of a synthetic 3-slice sagittal series written by {@link SyntheticSeries} (no shared data). */
class SegmentationsVolumeTest {
    static final AlgorithmIdentity ALGO = StructuredReportsTest.ALGO;
    static final List<String> CLASSES = List.of("lungs", "liver", "pneumonia");

    @TempDir
    Path tmp;
    private Path folder;
    private SeriesSource series;

    @BeforeEach
    void writeSeries() throws Exception {
        folder = SyntheticSeries.write(tmp.resolve("series"));
        series = DicomSeries.readSources(folder);
    }

    /** lungs on slices 0 and 2, liver on slice 1, pneumonia nowhere. */
    private LabelMask mask(VoxelGeometry g) {
        int w = SyntheticSeries.COLUMNS;
        int h = SyntheticSeries.ROWS;
        byte[] l = new byte[w * h * SyntheticSeries.SLICES];
        l[0] = 1;                                   // slice 0, (0, 0)
        l[(0 * h + 4) * w + 6] = 1;                 // slice 0, (6, 4)
        l[(2 * h + 2) * w + 3] = 1;                 // slice 2, (3, 2)
        for (int x = 1; x < 6; x++) {
            l[(1 * h + 3) * w + x] = 2;             // slice 1, row 3
        }
        return new LabelMask(w, h, SyntheticSeries.SLICES, l, g, CLASSES, "test");
    }

    @Test
    void sourcesComeInVolumeOrderOnTheVolumesGrid() throws Exception {
        Volume v = DicomSeries.readVolume(folder);
        assertEquals(new VolumeGrid(v.nx(), v.ny(), v.nz(), series.grid().geometry()), series.grid());
        assertTrue(series.grid().geometry().sameGrid(v.geometry(), 1e-12), series.grid() + " vs " + v.geometry());
        SourcedVolume sv = DicomSeries.readWithSources(folder);
        assertEquals(series.slices(), sv.source().slices());
        for (int k = 0; k < SyntheticSeries.SLICES; k++) {
            SliceSource s = series.slices().get(k);
            assertEquals(SyntheticSeries.sopUid(k), s.sopInstanceUid());
            assertEquals(com.pixelmed.dicom.SOPClass.CTImageStorage, s.sopClassUid());
            assertArrayEquals(SyntheticSeries.position(k), s.imagePosition(), 1e-9);
            assertArrayEquals(SyntheticSeries.position(k), v.geometry().indexToWorld(0, 0, k), 1e-9);
            assertEquals(100 * k + 10 * 4 + 6, v.get(6, 4, k), 0f);
        }
        assertEquals(SyntheticSeries.SERIES, series.seriesInstanceUid());
    }

    @Test
    void framesDecodeToTheMaskAndReferenceTheirSlices() throws Exception {
        LabelMask m = mask(series.grid().geometry());
        for (Segmentations.Frames sel : Segmentations.Frames.values()) {
            SegFile seg = SegFile.parse(Segmentations.binaryVolume(series, m, ALGO, sel));
            assertEquals(sel == Segmentations.Frames.ALL ? 9 : 4, seg.frames().size(), sel.name());
            assertEquals(String.valueOf(seg.frames().size()), seg.text(TagFromName.NumberOfFrames));
            for (int f = 0; f < seg.frames().size(); f++) {
                SegFile.Frame fr = seg.frames().get(f);
                int k = Integer.parseInt(fr.sourceUid().substring(fr.sourceUid().lastIndexOf('.') + 1)) - 1;
                assertEquals(SyntheticSeries.sopUid(k), fr.sourceUid());
                assertArrayEquals(SyntheticSeries.position(k), fr.position(), 1e-6);
                assertArrayEquals(new int[] {fr.segment(), k + 1}, fr.dimensionIndex());
                for (int y = 0; y < SyntheticSeries.ROWS; y++) {
                    for (int x = 0; x < SyntheticSeries.COLUMNS; x++) {
                        assertEquals(m.get(x, y, k) == fr.segment(), seg.bit(f, x, y), sel + " frame " + f
                                + " (" + x + ", " + y + ")");
                    }
                }
            }
        }
    }

    @Test
    void nonEmptyFramesAreSegmentMajorInSliceOrder() throws Exception {
        SegFile seg = SegFile.parse(Segmentations.binaryVolume(series, mask(series.grid().geometry()), ALGO));
        List<String> order = new ArrayList<>();
        seg.frames().forEach(f -> order.add(f.segment() + "@" + f.dimensionIndex()[1]));
        assertEquals(List.of("1@1", "1@3", "2@2", "3@1"), order);
    }

    @Test
    void sharedGroupsCarryTheSeriesGeometryAndEverySliceIsReferenced() throws Exception {
        SegFile seg = SegFile.parse(Segmentations.binaryVolume(series, mask(series.grid().geometry()), ALGO));
        AttributeList shared = SegFile.first(seg.list(), TagFromName.SharedFunctionalGroupsSequence);
        AttributeList measures = SegFile.first(shared, TagFromName.PixelMeasuresSequence);
        assertArrayEquals(new double[] {0.8, 0.6}, Attribute.getDoubleValues(measures, TagFromName.PixelSpacing), 1e-9);
        assertEquals(3.0, Attribute.getSingleDoubleValueOrDefault(measures, TagFromName.SliceThickness, 0), 1e-9);
        assertEquals(2.5, Attribute.getSingleDoubleValueOrDefault(measures, TagFromName.SpacingBetweenSlices, 0),
                1e-9);
        assertArrayEquals(SyntheticSeries.IOP, Attribute.getDoubleValues(SegFile.first(shared,
                TagFromName.PlaneOrientationSequence), TagFromName.ImageOrientationPatient), 1e-9);
        assertEquals(SyntheticSeries.FRAME_OF_REFERENCE, seg.text(TagFromName.FrameOfReferenceUID));
        AttributeList ref = SegFile.first(seg.list(), TagFromName.ReferencedSeriesSequence);
        assertEquals(SyntheticSeries.SERIES, Attribute.getSingleStringValueOrEmptyString(ref,
                TagFromName.SeriesInstanceUID));
        SequenceAttribute instances = (SequenceAttribute) ref.get(TagFromName.ReferencedInstanceSequence);
        assertEquals(SyntheticSeries.SLICES, instances.getNumberOfItems());
        assertEquals(2, ((SequenceAttribute) seg.list().get(TagFromName.DimensionIndexSequence)).getNumberOfItems());
        assertEquals(SyntheticSeries.STUDY, seg.text(TagFromName.StudyInstanceUID));
    }

    @Test
    void segmentsAreCodedPerClass() throws Exception {
        SegFile seg = SegFile.parse(Segmentations.binaryVolume(series, mask(series.grid().geometry()), ALGO));
        SequenceAttribute segments = (SequenceAttribute) seg.list().get(TagFromName.SegmentSequence);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < segments.getNumberOfItems(); i++) {
            AttributeList s = segments.getItem(i).getAttributeList();
            AttributeList type = SegFile.first(s, TagFromName.SegmentedPropertyTypeCodeSequence);
            AttributeList cat = SegFile.first(s, TagFromName.SegmentedPropertyCategoryCodeSequence);
            codes.add(Attribute.getSingleStringValueOrEmptyString(s, TagFromName.SegmentLabel) + " "
                    + Attribute.getSingleStringValueOrEmptyString(type, TagFromName.CodingSchemeDesignator) + " "
                    + Attribute.getSingleStringValueOrEmptyString(type, TagFromName.CodeValue) + " "
                    + Attribute.getSingleStringValueOrEmptyString(cat, TagFromName.CodeValue));
        }
        assertEquals(List.of("lungs SCT 39607008 91723000", "liver 99RADLENS " + FindingCodes.of("liver").value()
                + " 91723000", "pneumonia SCT 233604007 49755003"), codes);
    }

    @Test
    void sameInputsGiveTheSameInstanceUid() throws Exception {
        LabelMask m = mask(series.grid().geometry());
        String a = SegFile.parse(Segmentations.binaryVolume(series, m, ALGO)).text(TagFromName.SOPInstanceUID);
        String b = SegFile.parse(Segmentations.binaryVolume(DicomSeries.readSources(folder), m, ALGO))
                .text(TagFromName.SOPInstanceUID);
        assertEquals(a, b);
        assertEquals(a, Segmentations.volumeInstanceUid(series, CLASSES, ALGO, Segmentations.Frames.NON_EMPTY));
        assertNotEquals(a, Segmentations.volumeInstanceUid(series, List.of("lungs"), ALGO,
                Segmentations.Frames.NON_EMPTY));
        assertNotEquals(a, Segmentations.volumeInstanceUid(series, CLASSES, ALGO, Segmentations.Frames.ALL));
    }

    @Test
    void refusesMasksOffTheSeriesGridOrWithUnnamedLabels() {
        VoxelGeometry g = series.grid().geometry();
        double[] origin = g.origin();
        origin[1] += 0.5;
        LabelMask shifted = mask(g.withSpacingAndOrigin(g.spacing(), origin));
        assertThrows(IllegalArgumentException.class, () -> Segmentations.binaryVolume(series, shifted, ALGO));
        LabelMask unnamed = new LabelMask(SyntheticSeries.COLUMNS, SyntheticSeries.ROWS, SyntheticSeries.SLICES,
                mask(g).labels(), g, List.of("lungs"), "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Segmentations.binaryVolume(series, unnamed, ALGO));
        assertTrue(e.getMessage().contains("label 2"), e.getMessage());
        LabelMask twoSlices = new LabelMask(SyntheticSeries.COLUMNS, SyntheticSeries.ROWS, 2,
                new byte[SyntheticSeries.COLUMNS * SyntheticSeries.ROWS * 2], g, CLASSES, "test");
        assertThrows(IllegalArgumentException.class, () -> Segmentations.binaryVolume(series, twoSlices, ALGO));
    }

    @Test
    void refusesASeriesWithoutFrameOfReference() throws Exception {
        SeriesSource loose = DicomSeries.readSources(SyntheticSeries.write(tmp.resolve("no-for"), false));
        DicomWriteException e = assertThrows(DicomWriteException.class,
                () -> Segmentations.binaryVolume(loose, mask(loose.grid().geometry()), ALGO));
        assertTrue(e.getMessage().contains("Frame of Reference"), e.getMessage());
    }

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        ExternalTools.assumeDciodvfy();
        for (Segmentations.Frames sel : Segmentations.Frames.values()) {
            Path seg = tmp.resolve("seg-" + sel + ".dcm");
            Files.write(seg, Segmentations.binaryVolume(series, mask(series.grid().geometry()), ALGO, sel));
            Files.copy(seg, Path.of("target/seg-volume-synthetic-" + sel + ".dcm"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(List.of(), ExternalTools.dciodvfyErrors(seg), sel.name());
            // the synthetic source has no Study ID; the SEG copies the study as it is
            assertEquals(List.of(), ExternalTools.dciodvfyWarnings(seg, "Study ID"), sel.name());
        }
    }

    @Test
    void dcmtkRoundTrip() throws Exception {
        ExternalTools.assumeDcmtk();
        Path seg = tmp.resolve("seg-volume.dcm");
        Files.write(seg, Segmentations.binaryVolume(series, mask(series.grid().geometry()), ALGO));
        ExternalTools.dcmtkRoundTrip(seg, tmp);
    }

    @Test
    void pydicomDecodesTheSameFrames() throws Exception {
        ExternalTools.assumePydicom();
        LabelMask m = mask(series.grid().geometry());
        Path seg = tmp.resolve("seg.dcm");
        Files.write(seg, Segmentations.binaryVolume(series, m, ALGO, Segmentations.Frames.ALL));
        String script = String.join("\n",
                "import sys, pydicom",
                "d = pydicom.dcmread(sys.argv[1])",
                "a = d.pixel_array",
                "print(a.shape)",
                "for i, f in enumerate(d.PerFrameFunctionalGroupsSequence):",
                "    uid = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID",
                "    s = f.SegmentIdentificationSequence[0].ReferencedSegmentNumber",
                "    print(s, uid, ''.join(str(int(v)) for v in a[i].ravel()))");
        ExternalTools.Output out = ExternalTools.python(script, seg.toString());
        assertEquals(0, out.exit(), out.text());
        StringBuilder expected = new StringBuilder("(9, 5, 7)\n");
        for (int s = 1; s <= 3; s++) {
            for (int k = 0; k < 3; k++) {
                expected.append(s).append(' ').append(SyntheticSeries.sopUid(k)).append(' ');
                for (int y = 0; y < SyntheticSeries.ROWS; y++) {
                    for (int x = 0; x < SyntheticSeries.COLUMNS; x++) {
                        expected.append(m.get(x, y, k) == s ? '1' : '0');
                    }
                }
                expected.append('\n');
            }
        }
        assertEquals(expected.toString().strip(), out.text().strip());
    }
}
