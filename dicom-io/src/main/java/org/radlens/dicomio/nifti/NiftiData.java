package org.radlens.dicomio.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.radlens.dicomio.CorruptFileException;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.ReadFailures;

/**
 * Reads NIfTI voxel data into a float array. Uncompressed data is memory-mapped and converted straight from the
 * mapping (large volumes in parallel chunks), so peak heap is the float array alone; gzip data is streamed in 1 MiB
 * chunks (peak heap: the float array plus one chunk). Before allocating, the declared size is checked against what
 * the file can hold: the exact file size for uncompressed data, and 1032× the compressed size (deflate's maximum
 * ratio) for gzip.
 */
final class NiftiData {
    private static final int CHUNK = 1 << 20;
    /** Voxels per parallel task, and the volume size from which conversion runs in parallel. */
    private static final int TASK = 1 << 18;
    private static final int PARALLEL_FROM = 1 << 22;
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NiftiData() {
    }

    /**
     * The first {@code n} voxels of the file's {@code declared}; the file must be able to hold all {@code declared}
     * (a truncated 4D file is refused even when only its first volume is read).
     */
    static float[] read(Path file, NiftiHeader h, NiftiDataType type, int n, long declared)
            throws ImageReadException {
        Path dataFile = h.pair() ? NiftiReader.imgFile(file) : file;
        long minOffset = h.pair() ? 0 : h.version() == 1 ? 348 : 540;
        long offset = Math.max(h.voxOffset(), minOffset);
        long bytes = (long) n * type.bytes;
        boolean gz = checkPlausible(dataFile, offset + declared * type.bytes);
        Scaling scaling = new Scaling(h.scaled(), h.sclSlope(), Double.isFinite(h.sclInter()) ? h.sclInter() : 0);
        try {
            return gz || bytes > Integer.MAX_VALUE ? stream(dataFile, h, type, n, offset, scaling)
                    : mapped(dataFile, h, type, n, offset, scaling);
        } catch (IOException e) {
            throw new CorruptFileException(dataFile, "cannot read voxel data: " + ReadFailures.describe(e), e);
        } catch (InternalError e) { // SIGBUS: the file shrank under the mapping
            throw new CorruptFileException(dataFile, "the file changed while it was read: " + ReadFailures.describe(e), e);
        }
    }

    /** The slope/intercept of the header, applied when {@code on}. */
    private record Scaling(boolean on, double slope, double inter) {
        void apply(float[] out, int from, int to) {
            if (on) {
                for (int i = from; i < to; i++) {
                    out[i] = (float) (out[i] * slope + inter);
                }
            }
        }
    }

    private static float[] mapped(Path dataFile, NiftiHeader h, NiftiDataType type, int n, long offset,
                                  Scaling scaling) throws IOException {
        float[] out = new float[n];
        try (FileChannel fc = FileChannel.open(dataFile)) {
            ByteBuffer m = fc.map(FileChannel.MapMode.READ_ONLY, offset, (long) n * type.bytes).order(h.order());
            IntStream tasks = IntStream.range(0, (n + TASK - 1) / TASK);
            (n >= PARALLEL_FROM ? tasks.parallel() : tasks).forEach(t -> {
                int from = t * TASK;
                int count = Math.min(TASK, n - from);
                convert(m.slice(from * type.bytes, count * type.bytes).order(h.order()), type, out, from, count);
                scaling.apply(out, from, from + count);
            });
        }
        return out;
    }

    private static float[] stream(Path dataFile, NiftiHeader h, NiftiDataType type, int n, long offset,
                                  Scaling scaling) throws IOException, ImageReadException {
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
                            + " of " + (long) n * type.bytes + " data bytes");
                }
                convert(b, type, out, done, count);
                scaling.apply(out, done, done + count);
                done += count;
            }
            return out;
        }
    }

    /** Bulk conversion of {@code count} voxels from the start of {@code b} (absolute reads; type-specialised). */
    private static void convert(ByteBuffer b, NiftiDataType type, float[] out, int at, int count) {
        switch (type) {
            case FLOAT32 -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = b.getFloat(4 * i);
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = b.getShort(2 * i);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = b.getShort(2 * i) & 0xffff;
                }
            }
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = b.get(i) & 0xff;
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = b.getInt(4 * i);
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = (float) type.get(b, i);
                }
            }
        }
    }

    /** @return whether the file is gzip-compressed */
    private static boolean checkPlausible(Path dataFile, long needed) throws ImageReadException {
        try (InputStream raw = Files.newInputStream(dataFile)) {
            long size = Files.size(dataFile);
            boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
            long capacity = gz ? size * MAX_DEFLATE_RATIO : size;
            if (needed > capacity) {
                throw new CorruptFileException(dataFile, "header declares " + needed + " bytes but the "
                        + (gz ? "compressed " : "") + "file has " + size + " (truncated or corrupt)");
            }
            return gz;
        } catch (IOException e) {
            throw new ImageReadException(dataFile, "cannot read: " + ReadFailures.describe(e), e);
        }
    }
}
