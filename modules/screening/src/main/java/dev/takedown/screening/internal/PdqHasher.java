package dev.takedown.screening.internal;

import dev.takedown.screening.PdqHash;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * PDQ as specified by Meta (ThreatExchange {@code pdq/}): luminance, two passes of a Jarosz box filter sized to the
 * image, decimation to 64×64, the 16×16 low-frequency DCT without its DC row/column, and one bit per coefficient
 * above the median. The eight dihedral hashes come from sign and transpose changes of the same DCT, so a rotated or
 * mirrored copy is found with one decode.
 */
public final class PdqHasher {

    /** The hash of the image as given and of its seven rotations/reflections, plus PDQ's quality score (0–100). */
    public record Result(PdqHash hash, List<PdqHash> dihedral, int quality) {}

    private static final int JAROSZ_PASSES = 2;
    private static final float[][] DCT = dctMatrix();

    public Result hash(BufferedImage image) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        float[] luma = luma(image, rows, cols);
        float[] scratch = new float[rows * cols];
        int alongRows = windowSize(cols);
        int alongCols = windowSize(rows);
        for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                box(luma, scratch, r * cols, 1, cols, alongRows);
            }
            for (int c = 0; c < cols; c++) {
                box(scratch, luma, c, cols, rows, alongCols);
            }
        }
        float[] small = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int ini = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int inj = (int) (((j + 0.5) * cols) / 64);
                small[i * 64 + j] = luma[ini * cols + inj];
            }
        }
        int quality = quality(small);
        float[][] dct = dct(small);
        PdqHash original = bits(dct);
        List<PdqHash> dihedral = List.of(
                original,
                bits(transform(dct, true, (i, j) -> (j & 1) == 1)),
                bits(transform(dct, false, (i, j) -> ((i + j) & 1) == 0)),
                bits(transform(dct, true, (i, j) -> (i & 1) == 1)),
                bits(transform(dct, false, (i, j) -> (i & 1) == 1)),
                bits(transform(dct, false, (i, j) -> (j & 1) == 1)),
                bits(transform(dct, true, (i, j) -> true)),
                bits(transform(dct, true, (i, j) -> ((i + j) & 1) == 0)));
        return new Result(original, dihedral, quality);
    }

    private static float[] luma(BufferedImage image, int rows, int cols) {
        float[] luma = new float[rows * cols];
        int[] line = new int[cols];
        for (int r = 0; r < rows; r++) {
            image.getRGB(0, r, cols, 1, line, 0, cols);
            for (int c = 0; c < cols; c++) {
                int rgb = line[c];
                luma[r * cols + c] =
                        0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
            }
        }
        return luma;
    }

    private static int windowSize(int dimension) {
        return (dimension + 2 * 64 - 1) / (2 * 64);
    }

    /** One-dimensional box filter with the shrinking windows at both edges that Meta's implementation uses. */
    private static void box(float[] in, float[] out, int offset, int stride, int length, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = offset;
        int ri = offset;
        int oi = offset;
        float sum = 0;
        int current = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            current++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            current++;
            out[oi] = sum / current;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase3; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / current;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            current--;
            out[oi] = sum / current;
            li += stride;
            oi += stride;
        }
    }

    private static int quality(float[] small) {
        int gradients = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                gradients += Math.abs((int) (((small[i * 64 + j] - small[(i + 1) * 64 + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                gradients += Math.abs((int) (((small[i * 64 + j] - small[i * 64 + j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, gradients / 90);
    }

    private static float[][] dctMatrix() {
        float[][] d = new float[16][64];
        double scale = Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    private static float[][] dct(float[] a) {
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += DCT[i][k] * a[k * 64 + j];
                }
                t[i][j] = sum;
            }
        }
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += t[i][k] * DCT[j][k];
                }
                b[i][j] = sum;
            }
        }
        return b;
    }

    @FunctionalInterface
    private interface Sign {
        boolean keep(int i, int j);
    }

    /** A dihedral transform of the image is a transpose and/or sign flips of the odd-frequency DCT coefficients. */
    private static float[][] transform(float[][] a, boolean transpose, Sign sign) {
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = sign.keep(i, j) ? a[i][j] : -a[i][j];
                if (transpose) {
                    b[j][i] = v;
                } else {
                    b[i][j] = v;
                }
            }
        }
        return b;
    }

    private static PdqHash bits(float[][] b) {
        float[] values = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(b[i], 0, values, i * 16, 16);
        }
        float median = median(values.clone());
        long[] words = new long[4];
        for (int k = 0; k < 256; k++) {
            if (values[k] > median) {
                words[k >> 6] |= 1L << (k & 63);
            }
        }
        return PdqHash.fromBits(words);
    }

    /** Torben's median as in the reference: for an even count, the lower middle value. */
    private static float median(float[] v) {
        java.util.Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }
}
