package org.radlens.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radlens.dicomio.derived.AlgorithmIdentity;
import org.radlens.dicomio.DicomSeries;
import org.radlens.dicomio.nifti.NiftiWriter;
import org.radlens.dicomio.derived.Segmentations;
import org.radlens.dicomio.SeriesSource;
import org.radlens.models.RadLensModel;
import org.radlens.models.volume.HeatMap3D;
import org.radlens.models.volume.VolumeEmbedding;
import org.radlens.models.volume.VolumeSegmenter;
import org.radlens.models.pkg.ModelManifest.FindingPrompts;
import org.radlens.pipeline.ScoringEngine;
import org.radlens.volume3d.Connectivity;
import org.radlens.volume3d.IndexBox;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Masks;
import org.radlens.volume3d.Reorientation;
import org.radlens.volume3d.Volume;

/**
 * The volume half of classify, ground and segment: one {@link ImageBatch.Result} per volume, NIfTI outputs in the
 * source geometry ({@code <stem>_<query>.nii.gz} heat maps, {@code <stem>_mask.nii.gz} label masks; see
 * {@link #writeNifti}) and, for DICOM series, {@code <stem>_seg.dcm} (multi-frame SEG).
 */
final class VolumeResults {
    private VolumeResults() {
    }

    static ImageBatch.Result classify(RadLensModel model, Volume v, VolumeOptionsMixin o,
                                      java.util.Map<String, FindingPrompts> findings) throws Exception {
        VolumeEmbedding e = model.volumeEncoder().encode(v, o.options(), o.pooling(model.volumeEncoder()));
        JsonObject json = describe(v, o);
        json.addProperty("pooling", e.pooling().name());
        return JsonRows.findings(json, model.classifier().classify(e.embedding(), findings));
    }

    static ImageBatch.Result ground(RadLensModel model, Path file, Volume v, List<String> queries,
                                    VolumeOptionsMixin o, Path outDir) throws Exception {
        JsonArray arr = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        for (String q : queries) {
            HeatMap3D m = model.volumeGrounder().heatMap(v, q, o.options());
            int[] peak = m.peak();
            double[] world = v.geometry().indexToWorld(peak[0], peak[1], peak[2]);
            JsonObject j = new JsonObject();
            j.addProperty("query", q);
            j.addProperty("stream", m.stream().name());
            j.addProperty("min", m.range()[0]);
            j.addProperty("max", m.range()[1]);
            j.add("peak_voxel", ints(peak));
            j.add("peak_lps_mm", doubles(world));
            if (outDir != null) {
                Path nii = outDir.resolve(VolumeInputs.stem(file) + "_" + Overlays.slug(q) + ".nii.gz");
                writeNifti(m.toVolume(), file, nii);
                j.addProperty("nifti", nii.toString());
            }
            arr.add(j);
            rows.add(List.of(q, m.stream().name(), "" + peak[0], "" + peak[1], "" + peak[2],
                    ImageBatch.fmt(m.range()[1])));
        }
        JsonObject json = describe(v, o);
        json.add("queries", arr);
        return new ImageBatch.Result(json, rows);
    }

    static ImageBatch.Result segment(RadLensModel model, Path file, Volume v, List<String> regions,
                                     VolumeOptionsMixin o, Path outDir, boolean dicomSeg) throws Exception {
        VolumeSegmenter.Cleaning clean = VolumeSegmenter.Cleaning.largest(Connectivity.SIX);
        LabelMask mask = regions.isEmpty() ? model.volumeSegmenter().segment(v, o.options(), clean)
                : model.volumeSegmenter().segment(v, regions, o.options(), clean);
        JsonArray classes = new JsonArray();
        List<List<String>> rows = new ArrayList<>();
        for (int label = 1; label <= mask.classNames().size(); label++) {
            JsonObject c = new JsonObject();
            String name = mask.classNames().get(label - 1);
            c.addProperty("label", label);
            c.addProperty("name", name);
            c.addProperty("voxels", mask.count(label));
            c.addProperty("volume_ml", Masks.volumeMl(mask, label));
            Masks.boundingBox(mask, label).ifPresent(b -> c.add("bbox_voxels", box(b)));
            classes.add(c);
            rows.add(List.of("" + label, name, "" + mask.count(label), ImageBatch.fmt(Masks.volumeMl(mask, label)),
                    mask.source()));
        }
        JsonObject json = describe(v, o);
        json.addProperty("source", mask.source());
        json.add("classes", classes);
        if (outDir != null) {
            Path nii = outDir.resolve(VolumeInputs.stem(file) + "_mask.nii.gz");
            writeNifti(Masks.toVolume(mask), file, nii);
            json.addProperty("nifti", nii.toString());
            if (dicomSeg) {
                writeDicomSeg(model, file, mask, outDir, json);
            }
        }
        return new ImageBatch.Result(json, rows);
    }

    /**
     * Writes {@code <stem>_seg.dcm} beside the NIfTI mask: a multi-frame SEG on the series' own grid and row order
     * (no flip), referencing every slice ({@link Segmentations#binaryVolume}, non-empty frames). NIfTI inputs have
     * no series to reference: the JSON says so and nothing is written.
     */
    private static void writeDicomSeg(RadLensModel model, Path file, LabelMask mask, Path outDir, JsonObject json)
            throws Exception {
        if (!java.nio.file.Files.isDirectory(file)) {
            json.addProperty("dicom_seg_skipped", "not a DICOM series folder");
            return;
        }
        SeriesSource series = DicomSeries.readSources(file);
        AlgorithmIdentity algo = ScoringEngine.algorithmOf(model);
        Path seg = outDir.resolve(VolumeInputs.stem(file) + "_seg.dcm");
        java.nio.file.Files.write(seg, Segmentations.binaryVolume(series, mask, algo));
        json.addProperty("dicom_seg", seg.toString());
        json.addProperty("seg_uid", Segmentations.volumeInstanceUid(series, mask.classNames(), algo,
                Segmentations.Frames.NON_EMPTY));
    }

    /**
     * Writes a result on the source grid as NIfTI. DICOM series get the rows flipped as {@code radlens convert} and
     * dcm2niix do (the world position of every voxel is unchanged), so nibabel reports the same affine and shape as
     * for the converted source; NIfTI sources keep their own grid and affine.
     */
    static void writeNifti(Volume result, Path source, Path nii) throws java.io.IOException {
        NiftiWriter.write(java.nio.file.Files.isDirectory(source) ? Reorientation.flip(result, 1) : result, nii);
    }

    private static JsonObject describe(Volume v, VolumeOptionsMixin o) {
        JsonObject json = new JsonObject();
        json.add("shape", ints(new int[] {v.nx(), v.ny(), v.nz()}));
        json.add("spacing_mm", doubles(v.geometry().spacing()));
        json.addProperty("axis", o.axis.name());
        return json;
    }

    private static JsonArray box(IndexBox b) {
        return ints(new int[] {b.i0(), b.j0(), b.k0(), b.i1(), b.j1(), b.k1()});
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    private static JsonArray doubles(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
