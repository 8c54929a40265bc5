package org.radlens.dicomio.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;
import org.radlens.dicomio.UnsupportedFormatException;
import org.radlens.volume3d.IntensityInfo;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.Volumes;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Reads NIfTI-1 and NIfTI-2 ({@code .nii}, {@code .nii.gz}, {@code .hdr}/{@code .img}[.gz]), either byte order,
 * datatypes uint8/int8/int16/uint16/int32/uint32/int64/uint64/float32/float64, applying scl_slope/scl_inter.
 * Geometry: {@link NiftiHeader#rasAffine()} converted to LPS. Memory is bounded by the bytes actually present:
 * dims are checked against the data before anything is allocated.
 *
 * <pre>{@code
 * Volume ct = NiftiReader.readVolume(Path.of("ct.nii.gz"));
 * }</pre>
 */
public final class NiftiReader {
    private static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    private NiftiReader() {
    }

    /** Header only. */
    public static NiftiHeader readHeader(Path file) throws ImageReadException {
        try (InputStream in = open(file)) {
            return NiftiHeaders.parse(file, in.readNBytes(540));
        } catch (IOException e) {
            throw new CorruptFileException(file, "cannot read NIfTI header: " + ReadFailures.describe(e), e);
        }
    }

    /** Every voxel (all volumes of 4D+ files), scaled. */
    public static NiftiImage read(Path file) throws ImageReadException {
        NiftiHeader h = readHeader(file);
        NiftiDataType type = type(file, h);
        int n = (int) voxels(file, h);
        return new NiftiImage(h, NiftiData.read(file, h, type, n, n));
    }

    /**
     * The first 3D volume (t = 0 of 4D files) in LPS geometry: only its voxels are read and converted (the file must
     * still hold every volume its header declares). Units "raw"; modality "OT".
     */
    public static Volume readVolume(Path file) throws ImageReadException {
        NiftiHeader h = readHeader(file);
        NiftiDataType type = type(file, h);
        long all = voxels(file, h);
        int[] s = h.spatialShape();
        float[] data = NiftiData.read(file, h, type, s[0] * s[1] * s[2], all);
        VoxelGeometry g = NiftiGeometry.toLps(file, h.rasAffine());
        IntensityInfo info = new IntensityInfo("OT", "raw", h.scaled(), Optional.empty(),
                IntensityInfo.Photometric.MONOCHROME2);
        return Volumes.adopt(s[0], s[1], s[2], data, g, info);
    }

    private static NiftiDataType type(Path file, NiftiHeader h) throws UnsupportedFormatException {
        NiftiDataType type = NiftiDataType.of(h.datatype());
        if (type == null) {
            throw new UnsupportedFormatException(file, "", "NIfTI datatype " + h.datatype() + " is not supported");
        }
        return type;
    }

    private static long voxels(Path file, NiftiHeader h) throws ImageReadException {
        long[] d = h.dim();
        if (d[0] < 1 || d[0] > 7) {
            throw new CorruptFileException(file, "dim[0] = " + d[0] + " outside 1..7");
        }
        long n = 1;
        for (int i = 1; i <= d[0]; i++) {
            if (d[i] < 1 || d[i] > MAX_VOXELS) {
                throw new CorruptFileException(file, "dim[" + i + "] = " + d[i] + " is not a valid size");
            }
            n *= d[i];
            if (n > MAX_VOXELS) {
                throw new UnsupportedFormatException(file, "", "more than " + MAX_VOXELS + " voxels");
            }
        }
        NiftiDataType t = NiftiDataType.of(h.datatype());
        if (h.bitpix() != t.bytes * 8) {
            throw new CorruptFileException(file, "bitpix " + h.bitpix() + " does not match datatype " + t);
        }
        return n;
    }

    static Path imgFile(Path hdr) throws ImageReadException {
        String name = hdr.getFileName().toString();
        String stem = name.replaceFirst("(?i)\\.hdr(\\.gz)?$", "");
        for (String ext : new String[] {".img", ".img.gz", ".IMG"}) {
            Path p = hdr.resolveSibling(stem + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ImageReadException(hdr, "no .img file next to the .hdr header");
    }

    static InputStream open(Path file) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(Files.newInputStream(file), 2);
        int a = in.read();
        int b = in.read();
        if (b >= 0) {
            in.unread(b);
        }
        if (a >= 0) {
            in.unread(a);
        }
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
