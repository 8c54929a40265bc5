package org.radlens.volume3d;

import java.util.ArrayList;
import java.util.List;

/**
 * Axial, coronal and sagittal reslicing (multi-planar reformation along the volume's own axes, no interpolation).
 * Apply {@link Reorientation#toCanonical(Volume)} first to get anatomical planes from any acquisition.
 *
 * <p>Each slice keeps its geometry: pixel (0, 0)'s LPS position is the origin, columns and rows point along the
 * volume axes given by the {@link Plane}, the third axis is their cross product. So {@link Volumes#stack} of all
 * slices gives back a volume with the same world → value mapping.
 *
 * <pre>{@code
 * Image2D cor = Reslicing.slice(Reorientation.toCanonical(ct), Plane.CORONAL, 100);
 * }</pre>
 */
public final class Reslicing {
    private Reslicing() {
    }

    /** Number of slices along the plane's fixed axis. */
    public static int count(Volume v, Plane p) {
        return size(v, p.fixedAxis());
    }

    /** Slice {@code index} of plane {@code p}. */
    public static Image2D slice(Volume v, Plane p, int index) {
        int n = count(v, p);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException(p + " slice " + index + " outside 0.." + (n - 1));
        }
        int w = size(v, p.columnAxis());
        int h = size(v, p.rowAxis());
        float[] out = new float[w * h];
        int[] ijk = new int[3];
        ijk[p.fixedAxis()] = index;
        for (int y = 0; y < h; y++) {
            ijk[p.rowAxis()] = p.rowsFlipped() ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                ijk[p.columnAxis()] = x;
                out[y * w + x] = v.get(ijk[0], ijk[1], ijk[2]);
            }
        }
        return Image2D.gray(w, h, out, sliceGeometry(v.geometry(), p, index, h), v.intensity());
    }

    /** All slices of plane {@code p}, in index order. */
    public static List<Image2D> slices(Volume v, Plane p) {
        List<Image2D> list = new ArrayList<>();
        for (int i = 0; i < count(v, p); i++) {
            list.add(slice(v, p, i));
        }
        return list;
    }

    /**
     * Writes {@code slice} (row-major, the size {@link #slice} returns for plane {@code p}) back into the volume array
     * {@code data} laid out on {@code grid}: the inverse of {@link #slice}, so per-slice results land on the source
     * voxels they came from.
     */
    public static void insert(float[] data, VolumeGrid grid, Plane p, int index, float[] slice) {
        int[] target = insertTargets(data.length, grid, p, index, slice.length);
        for (int i = 0; i < target.length; i++) {
            data[target[i]] = slice[i];
        }
    }

    /** {@link #insert(float[], VolumeGrid, Plane, int, float[])} for label bytes. */
    public static void insert(byte[] data, VolumeGrid grid, Plane p, int index, byte[] slice) {
        int[] target = insertTargets(data.length, grid, p, index, slice.length);
        for (int i = 0; i < target.length; i++) {
            data[target[i]] = slice[i];
        }
    }

    /** Index in the volume array of each pixel (row-major) of slice {@code index} of plane {@code p}. */
    private static int[] insertTargets(int dataLength, VolumeGrid grid, Plane p, int index, int sliceLength) {
        int[] n = {grid.nx(), grid.ny(), grid.nz()};
        int w = n[p.columnAxis()];
        int h = n[p.rowAxis()];
        checkInsert(dataLength, grid, p, index, sliceLength, w * h);
        int[] target = new int[w * h];
        int[] ijk = new int[3];
        ijk[p.fixedAxis()] = index;
        for (int y = 0; y < h; y++) {
            ijk[p.rowAxis()] = p.rowsFlipped() ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                ijk[p.columnAxis()] = x;
                target[y * w + x] = (ijk[2] * n[1] + ijk[1]) * n[0] + ijk[0];
            }
        }
        return target;
    }

    private static void checkInsert(int dataLength, VolumeGrid grid, Plane p, int index, int got, int want) {
        int[] n = {grid.nx(), grid.ny(), grid.nz()};
        if (dataLength != grid.size() || got != want || index < 0 || index >= n[p.fixedAxis()]) {
            throw new IllegalArgumentException(p + " slice " + index + " of " + got + " values does not fit grid "
                    + n[0] + "x" + n[1] + "x" + n[2] + " (array " + dataLength + ", slice needs " + want + ")");
        }
    }

    /** Slice geometry for plane {@code p} of a volume on {@code grid} (what {@link #slice} attaches). */
    public static VoxelGeometry sliceGeometry(VolumeGrid grid, Plane p, int index) {
        int[] n = {grid.nx(), grid.ny(), grid.nz()};
        return sliceGeometry(grid.geometry(), p, index, n[p.rowAxis()]);
    }

    private static VoxelGeometry sliceGeometry(VoxelGeometry g, Plane p, int index, int h) {
        double[] col = g.axis(p.columnAxis());
        double[] row = g.axis(p.rowAxis());
        if (p.rowsFlipped()) {
            row = new double[] {-row[0], -row[1], -row[2]};
        }
        double[] n = {col[1] * row[2] - col[2] * row[1], col[2] * row[0] - col[0] * row[2],
            col[0] * row[1] - col[1] * row[0]};
        double[] ijk = new double[3];
        ijk[p.fixedAxis()] = index;
        ijk[p.rowAxis()] = p.rowsFlipped() ? h - 1 : 0;
        double[] origin = g.indexToWorld(ijk[0], ijk[1], ijk[2]);
        double[] spacing = {g.spacing(p.columnAxis()), g.spacing(p.rowAxis()), g.spacing(p.fixedAxis())};
        double[] dir = {col[0], row[0], n[0], col[1], row[1], n[1], col[2], row[2], n[2]};
        return VoxelGeometry.of(spacing, origin, dir);
    }

    private static int size(Volume v, int axis) {
        return axis == 0 ? v.nx() : axis == 1 ? v.ny() : v.nz();
    }
}
