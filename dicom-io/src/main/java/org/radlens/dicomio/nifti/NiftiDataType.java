package org.radlens.dicomio.nifti;

import java.nio.ByteBuffer;

/** NIfTI datatypes this reader decodes to float (64-bit integers and doubles lose precision beyond float's 24 bits). */
enum NiftiDataType {
    UINT8(2, 1) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.get(i) & 0xff;
        }
    },
    INT16(4, 2) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getShort(i * 2);
        }
    },
    INT32(8, 4) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getInt(i * 4);
        }
    },
    FLOAT32(16, 4) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getFloat(i * 4);
        }
    },
    FLOAT64(64, 8) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getDouble(i * 8);
        }
    },
    INT8(256, 1) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.get(i);
        }
    },
    UINT16(512, 2) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getShort(i * 2) & 0xffff;
        }
    },
    UINT32(768, 4) {
        @Override
        double get(ByteBuffer b, int i) {
            return Integer.toUnsignedLong(b.getInt(i * 4));
        }
    },
    INT64(1024, 8) {
        @Override
        double get(ByteBuffer b, int i) {
            return b.getLong(i * 8);
        }
    },
    UINT64(1280, 8) {
        @Override
        double get(ByteBuffer b, int i) {
            long v = b.getLong(i * 8);
            return v >= 0 ? v : (double) (v >>> 1) * 2.0;
        }
    };

    final int code;
    final int bytes;

    NiftiDataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Value of voxel {@code i}. */
    abstract double get(ByteBuffer b, int i);

    /** The type for a code, or null when unsupported (binary, complex, RGB, float128). */
    static NiftiDataType of(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
