package dev.takedown.screening;

import java.util.HexFormat;

/**
 * A 256-bit PDQ hash. Bit {@code k} is bit {@code k % 64} of word {@code k / 64}; the hex form is the 256-bit number
 * written most significant digit first, exactly as Meta's implementations print it, so hashes can be exchanged.
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hexadecimal characters");
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("a PDQ hash is 64 hexadecimal characters");
            }
        }
        return new PdqHash(word(hex, 0), word(hex, 1), word(hex, 2), word(hex, 3));
    }

    private static long word(String hex, int w) {
        int from = (3 - w) * 16;
        return Long.parseUnsignedLong(hex, from, from + 16, 16);
    }

    public static PdqHash fromBits(long[] words) {
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    public long word(int w) {
        return switch (w) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(w);
        };
    }

    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(w3) + hex.toHexDigits(w2) + hex.toHexDigits(w1) + hex.toHexDigits(w0);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
