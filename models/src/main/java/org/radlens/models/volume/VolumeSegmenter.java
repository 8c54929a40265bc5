package org.radlens.models.volume;

import java.util.List;
import org.radlens.models.InferenceException;
import org.radlens.models.segmentation.Segmenter;
import org.radlens.volume3d.Connectivity;
import org.radlens.volume3d.ConnectedComponents;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.Reslicing;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;

/**
 * 3D segmentation: the 2D {@link Segmenter}'s mask of every slice along the options' axis, written back onto the
 * source voxels, then cleaned with 3D connected components (each class reduced to its largest component, or its
 * components of at least {@code minVoxels}). The mask's geometry is the source volume's; its source names the 2D
 * method and the cleaning. Thread-safe.
 *
 * <pre>{@code
 * LabelMask lungs = new VolumeSegmenter(volumeEncoder, model.segmenter()).segment(ct, VolumeOptions.defaults(),
 *         VolumeSegmenter.Cleaning.largest(Connectivity.SIX));
 * }</pre>
 */
public final class VolumeSegmenter {
    private final VolumeEncoder volumes;
    private final Segmenter segmenter;

    /**
     * How slice masks are cleaned in 3D.
     *
     * @param connectivity neighbourhood of the components
     * @param minVoxels    keep components of at least this many voxels; negative: keep each class's largest only
     * @param enabled      false: no cleaning (the raw stacked slice masks)
     */
    public record Cleaning(Connectivity connectivity, long minVoxels, boolean enabled) {
        /** Each class reduced to its largest component. */
        public static Cleaning largest(Connectivity c) {
            return new Cleaning(c, -1, true);
        }

        /** Components smaller than {@code minVoxels} removed. */
        public static Cleaning atLeast(Connectivity c, long minVoxels) {
            return new Cleaning(c, Math.max(0, minVoxels), true);
        }

        /** No cleaning. */
        public static Cleaning none() {
            return new Cleaning(Connectivity.SIX, 0, false);
        }
    }

    public VolumeSegmenter(VolumeEncoder volumes, Segmenter segmenter) {
        this.volumes = volumes;
        this.segmenter = segmenter;
    }

    /** The package's segmentation (head, else its anatomy regions' grounding maps) of every slice, cleaned. */
    public LabelMask segment(Volume v, VolumeOptions options, Cleaning cleaning) throws InferenceException {
        return run(v, options, cleaning, List.of());
    }

    /** Masks of {@code regions} from grounding maps of every slice, cleaned. */
    public LabelMask segment(Volume v, List<String> regions, VolumeOptions options, Cleaning cleaning)
            throws InferenceException {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no regions given");
        }
        return run(v, options, cleaning, regions);
    }

    private LabelMask run(Volume v, VolumeOptions options, Cleaning cleaning, List<String> regions)
            throws InferenceException {
        VolumeGrid grid = v.grid();
        byte[] out = new byte[Math.toIntExact(grid.size())];
        LabelMask[] first = new LabelMask[1];
        new SliceStream(volumes.imageEncoder()).run(v, options, (i, e) -> {
            LabelMask m = regions.isEmpty() ? segmenter.segment(e) : segmenter.segment(e, regions);
            if (i == 0) {
                first[0] = m;
            }
            Reslicing.insert(out, grid, options.axis(), i, m.labels());
        });
        String source = first[0].source() + ", " + options.axis().name().toLowerCase(java.util.Locale.ROOT)
                + " slices";
        if (cleaning.enabled()) { // keepAtLeast keeps the mask's source: name the cleaning up front
            source += ", " + (cleaning.minVoxels() < 0 ? "largest 3D component per class"
                    : "3D components >= " + cleaning.minVoxels() + " voxels") + " (" + cleaning.connectivity() + ")";
        }
        LabelMask stacked = new LabelMask(v.grid(), out, first[0].classNames(), source);
        return cleaning.enabled() // minVoxels < 0: the largest component per class
                ? ConnectedComponents.keepAtLeast(stacked, cleaning.connectivity(), cleaning.minVoxels()) : stacked;
    }
}
