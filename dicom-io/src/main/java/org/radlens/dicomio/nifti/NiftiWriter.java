package org.radlens.dicomio.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.radlens.volume3d.Volume;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Writes a {@link Volume} as NIfTI-1, little endian: {@code .nii}, {@code .nii.gz}, or a {@code .hdr}+{@code .img}
 * pair, chosen by the file name. Values are written as int16 when all are integers in range (CT in HU), else
 * float32; no scaling. Geometry: the LPS grid converted to RAS, stored as sform and qform (both code 1, scanner),
 * so nibabel's {@code img.affine} is the volume's affine with x and y negated. The grid is written as is: call
 * {@code Reorientation.flip(v, 1)} first for dcm2niix's bottom-up row order.
 */
public final class NiftiWriter {
    private static final int HEADER = 348;
    private static final int OFFSET = 352;

    private NiftiWriter() {
    }

    /** Writes {@code v} to {@code out}, replacing it. */
    public static void write(Volume v, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean pair = name.endsWith(".hdr");
        boolean int16 = fitsInt16(v);
        byte[] header = header(v, int16, pair);
        if (pair) {
            Files.write(out, header);
            Path img = out.resolveSibling(out.getFileName().toString().replaceFirst("(?i)\\.hdr$", ".img"));
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(img), 1 << 16)) {
                writeData(v, os, int16);
            }
            return;
        }
        try (OutputStream os = open(out, name.endsWith(".gz"))) {
            os.write(header);
            os.write(new byte[OFFSET - HEADER]); // no extensions
            writeData(v, os, int16);
        }
    }

    private static OutputStream open(Path out, boolean gz) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        return gz ? new GZIPOutputStream(os, 1 << 16) : os;
    }

    static boolean fitsInt16(Volume v) {
        for (int k = 0; k < v.nz(); k++) {
            for (int j = 0; j < v.ny(); j++) {
                for (int i = 0; i < v.nx(); i++) {
                    float x = v.get(i, j, k);
                    if (x != Math.rint(x) || x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void writeData(Volume v, OutputStream os, boolean int16) throws IOException {
        int bytes = int16 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(v.nx() * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < v.nz(); k++) {
            for (int j = 0; j < v.ny(); j++) {
                b.clear();
                for (int i = 0; i < v.nx(); i++) {
                    if (int16) {
                        b.putShort((short) v.get(i, j, k));
                    } else {
                        b.putFloat(v.get(i, j, k));
                    }
                }
                os.write(b.array(), 0, b.position());
            }
        }
    }

    static byte[] header(Volume v, boolean int16, boolean pair) {
        ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, HEADER);
        b.put(38, (byte) 'r'); // regular
        short[] dim = {3, (short) v.nx(), (short) v.ny(), (short) v.nz(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) (int16 ? 4 : 16));
        b.putShort(72, (short) (int16 ? 16 : 32));
        double[] ras = NiftiGeometry.toRas(v.geometry());
        double[] q = Quaternions.fromAffine(ras);
        VoxelGeometry g = v.geometry();
        float[] pixdim = {(float) q[6], (float) g.spacing(0), (float) g.spacing(1), (float) g.spacing(2), 0, 0, 0, 0};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, pair ? 0 : OFFSET);
        b.putFloat(112, 1);
        b.putFloat(116, 0);
        b.put(123, (byte) 2); // mm
        byte[] desc = "RadLens".getBytes(StandardCharsets.US_ASCII);
        b.put(148, desc);
        b.putShort(252, (short) 1);
        b.putShort(254, (short) 1);
        for (int i = 0; i < 6; i++) {
            b.putFloat(256 + 4 * i, (float) q[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) ras[4 * r + c]);
            }
        }
        b.put(344, (byte) 'n').put(345, (byte) (pair ? 'i' : '+')).put(346, (byte) '1').put(347, (byte) 0);
        return b.array();
    }
}
