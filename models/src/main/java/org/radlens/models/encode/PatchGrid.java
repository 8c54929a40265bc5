package org.radlens.models.encode;

/**
 * Patch tokens of one stream: {@code rows × cols} tokens of dimension {@code dim}, row-major over the grid that covers
 * the whole {@code S × S} model input (padding included). Token (r, c) starts at {@code ((r·cols + c)·dim)}.
 *
 * @param rows   gh
 * @param cols   gw
 * @param dim    D
 * @param tokens {@code rows·cols·dim} values as the model returned them (not normalised; copied)
 */
public record PatchGrid(int rows, int cols, int dim, float[] tokens) {
    public PatchGrid {
        if (tokens.length != rows * cols * dim) {
            throw new IllegalArgumentException(tokens.length + " values for a " + rows + "x" + cols + "x" + dim + " grid");
        }
        tokens = tokens.clone();
    }

    @Override
    public float[] tokens() {
        return tokens.clone();
    }

    /** Token i (row-major), a copy. */
    public float[] token(int i) {
        float[] t = new float[dim];
        System.arraycopy(tokens, i * dim, t, 0, dim);
        return t;
    }

    /** Cosine similarity of every token with a unit-length {@code query}, row-major {@code rows·cols}. */
    public float[] cosine(float[] unitQuery) {
        if (unitQuery.length != dim) {
            throw new IllegalArgumentException("query has " + unitQuery.length + " dims, tokens have " + dim);
        }
        float[] out = new float[rows * cols];
        for (int i = 0; i < out.length; i++) {
            double dot = 0;
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                float v = tokens[i * dim + d];
                dot += v * unitQuery[d];
                norm += v * v;
            }
            out[i] = norm > 0 ? (float) (dot / Math.sqrt(norm)) : 0f;
        }
        return out;
    }
}
