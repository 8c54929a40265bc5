package org.radlens.dicomio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams NIfTI voxel data into a float array in 1 MiB chunks, so peak heap is the float array plus one chunk.
 * Before allocating, the declared size is checked against what the file can hold: the exact file size for
 * uncompressed data, and 1032× the compressed size (deflate's maximum ratio) for gzip.
 */
final class NiftiData {
    private static final int CHUNK = 1 << 20;
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NiftiData() {
    }

    static float[] read(Path file, NiftiHeader h, NiftiDataType type, int n) throws ImageReadException {
        Path dataFile = h.pair() ? NiftiReader.imgFile(file) : file;
        long minOffset = h.pair() ? 0 : h.version() == 1 ? 348 : 540;
        long offset = Math.max(h.voxOffset(), minOffset);
        long bytes = (long) n * type.bytes;
        checkPlausible(dataFile, offset + bytes);
        boolean scale = h.scaled();
        double slope = h.sclSlope();
        double inter = Double.isFinite(h.sclInter()) ? h.sclInter() : 0;
        try (InputStream in = NiftiReader.open(dataFile)) {
            in.skipNBytes(offset);
            float[] out = new float[n];
            int perChunk = CHUNK / type.bytes;
            byte[] buf = new byte[perChunk * type.bytes];
            ByteBuffer b = ByteBuffer.wrap(buf).order(h.order());
            for (int done = 0; done < n; ) {
                int count = Math.min(perChunk, n - done);
                int got = in.readNBytes(buf, 0, count * type.bytes);
                if (got < count * type.bytes) {
                    throw new CorruptFileException(dataFile, "truncated: " + ((long) done * type.bytes + got)
                            + " of " + bytes + " data bytes");
                }
                b.clear();
                convert(b, type, out, done, count);
                if (scale) {
                    for (int i = done; i < done + count; i++) {
                        out[i] = (float) (out[i] * slope + inter);
                    }
                }
                done += count;
            }
            return out;
        } catch (IOException e) {
            throw new CorruptFileException(dataFile, "cannot read voxel data: " + e.getMessage(), e);
        }
    }

    /** Bulk conversion of {@code count} voxels of one chunk (type-specialised loops; generic for 64-bit types). */
    private static void convert(ByteBuffer b, NiftiDataType type, float[] out, int at, int count) {
        switch (type) {
            case FLOAT32 -> b.asFloatBuffer().get(out, at, count);
            case INT16 -> {
                java.nio.ShortBuffer s = b.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    out[at + i] = s.get(i);
                }
            }
            case UINT16 -> {
                java.nio.ShortBuffer s = b.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    out[at + i] = s.get(i) & 0xffff;
                }
            }
            case UINT8 -> {
                byte[] a = b.array();
                for (int i = 0; i < count; i++) {
                    out[at + i] = a[i] & 0xff;
                }
            }
            case INT32 -> {
                java.nio.IntBuffer s = b.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    out[at + i] = s.get(i);
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = (float) type.get(b, i);
                }
            }
        }
    }

    private static void checkPlausible(Path dataFile, long needed) throws ImageReadException {
        try (InputStream raw = Files.newInputStream(dataFile)) {
            long size = Files.size(dataFile);
            boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
            long capacity = gz ? size * MAX_DEFLATE_RATIO : size;
            if (needed > capacity) {
                throw new CorruptFileException(dataFile, "header declares " + needed + " bytes but the "
                        + (gz ? "compressed " : "") + "file has " + size + " (truncated or corrupt)");
            }
        } catch (IOException e) {
            throw new ImageReadException(dataFile, "cannot read: " + e.getMessage(), e);
        }
    }
}
