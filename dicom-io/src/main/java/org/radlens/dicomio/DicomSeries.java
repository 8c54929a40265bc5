package org.radlens.dicomio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VolumeGrid;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * A folder of single-frame DICOM files → one {@link Volume}.
 *
 * <p>Rules: files that are not DICOM (by magic bytes) are ignored; files are grouped by SeriesInstanceUID and, within
 * a series, by ImageOrientationPatient (to 1e-4); exactly one group must remain, else the groups are listed in an
 * {@link InvalidGeometryException}. Slices are sorted by the projection of ImagePositionPatient on the slice normal
 * (i × j), so k points along the normal; spacing comes from positions, never SliceThickness. Refused with
 * {@link InvalidGeometryException}: duplicate positions, missing slices (a gap ≈ n× the usual step), uneven spacing
 * (any step off the median by more than 1 % and 0.01 mm), gantry tilt (steps not parallel to the normal: the
 * sheared grid cannot be represented without resampling), differing rows/columns/pixel spacing, colour slices.
 * Rescale slope/intercept are applied per slice.
 */
public final class DicomSeries {
    private DicomSeries() {
    }

    /** The single series (and orientation) in {@code folder} as a volume. */
    public static Volume readVolume(Path folder) throws ImageReadException {
        Sorted s = sorted(folder);
        return assemble(s.slices(), s.step());
    }

    /**
     * The volume of {@link #readVolume} together with each slice's SOP Class/Instance UID and position in the
     * volume's slice order, for derived objects that reference the series (multi-frame SEG).
     */
    public static SourcedVolume readWithSources(Path folder) throws ImageReadException {
        Sorted s = sorted(folder);
        Volume v = assemble(s.slices(), s.step());
        SourceImage ref = SourceImage.read(s.slices().get(0).file());
        return new SourcedVolume(v, new SeriesSource(ref, v.grid(), sources(s.slices())));
    }

    /**
     * The slice references and grid of the series in {@code folder} from headers only (no pixel decoding): the same
     * grid and slice order as {@link #readVolume}, under the same rules.
     */
    public static SeriesSource readSources(Path folder) throws ImageReadException {
        Sorted s = sorted(folder);
        DicomFile first = DicomFile.open(s.slices().get(0).file(), false);
        VoxelGeometry g = stackGeometry(DicomGeometry.frame(first.header, first.list, 0), s.slices().size(), s.step());
        VolumeGrid grid = new VolumeGrid(first.header.columns(), first.header.rows(), s.slices().size(), g);
        return new SeriesSource(SourceImage.of(first), grid, sources(s.slices()));
    }

    private record Sorted(List<SliceInfo> slices, double step) {
    }

    private static Sorted sorted(Path folder) throws ImageReadException {
        List<Path> files = dicomFiles(folder);
        Map<String, List<SliceInfo>> groups = group(files);
        if (groups.size() != 1) {
            throw new InvalidGeometryException(files, groups.isEmpty() ? "no DICOM image files in " + folder
                    : groups.size() + " series/orientation groups in " + folder + ": " + groupSizes(groups));
        }
        List<SliceInfo> slices = new ArrayList<>(groups.values().iterator().next());
        slices.sort(Comparator.comparingDouble(SliceInfo::along));
        return new Sorted(slices, SliceChecks.check(slices));
    }

    private static List<SliceSource> sources(List<SliceInfo> slices) throws CorruptFileException {
        List<SliceSource> out = new ArrayList<>(slices.size());
        for (SliceInfo s : slices) {
            out.add(s.source());
        }
        return out;
    }

    /** The geometry of the first slice with the stack's slice step along k (one slice keeps its own). */
    private static VoxelGeometry stackGeometry(VoxelGeometry first, int slices, double step) {
        double[] spacing = first.spacing();
        spacing[2] = slices > 1 ? step : spacing[2];
        return VoxelGeometry.of(spacing, first.origin(), first.direction());
    }

    /** Regular files in {@code folder} (not recursive) whose first bytes look like DICOM, sorted by name. */
    public static List<Path> dicomFiles(Path folder) throws ImageReadException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (ImageFormat.detect(p) == ImageFormat.DICOM) {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException e) {
            throw new ImageReadException(folder, "cannot list folder: " + ReadFailures.describe(e), e);
        }
    }

    private static Map<String, List<SliceInfo>> group(List<Path> files) throws ImageReadException {
        Map<String, List<SliceInfo>> groups = new LinkedHashMap<>();
        for (Path p : files) {
            SliceInfo s = SliceInfo.of(DicomFile.open(p, false));
            groups.computeIfAbsent(s.groupKey(), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static String groupSizes(Map<String, List<SliceInfo>> groups) {
        StringBuilder sb = new StringBuilder();
        groups.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(v.size()).append(" files"));
        return sb.toString();
    }

    private static Volume assemble(List<SliceInfo> slices, double step) throws ImageReadException {
        SliceInfo first = slices.get(0);
        int w = first.header().columns();
        int h = first.header().rows();
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(w, h), slices.size())];
        Image2D firstImage = null;
        for (int k = 0; k < slices.size(); k++) {
            Image2D img = DicomReader.readImage(slices.get(k).file());
            if (img.channels() != 1 || img.width() != w || img.height() != h) {
                throw new InvalidGeometryException(List.of(slices.get(k).file()), "slice is " + img + ", expected "
                        + w + "x" + h + " grey");
            }
            firstImage = firstImage == null ? img : firstImage;
            System.arraycopy(img.channel(0), 0, data, k * w * h, w * h);
        }
        VoxelGeometry g = stackGeometry(firstImage.geometry(), slices.size(), step);
        return Volumes.adopt(w, h, slices.size(), data, g, firstImage.intensity());
    }
}
