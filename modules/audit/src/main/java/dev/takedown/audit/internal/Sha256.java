package dev.takedown.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one digest instance per thread: the verifier hashes millions of short inputs. */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    });

    private Sha256() {
    }

    private static final int KEPT_BUFFER = 1 << 16;
    private static final ThreadLocal<byte[]> UTF8 = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[2048]);

    /**
     * SHA-256 of the UTF-8 bytes of {@code text}, exactly as {@code text.toString().getBytes(UTF_8)} would give them
     * (a lone surrogate becomes {@code ?}). The characters are copied out in one block and encoded in a tight loop
     * into reused per-thread buffers: per record this costs a fraction of the hash itself.
     */
    static byte[] digestUtf8(CharSequence text) {
        int length = text.length();
        char[] chars = CHARS.get();
        byte[] bytes = UTF8.get();
        if (chars.length < length) {
            chars = new char[length];
            bytes = new byte[length * 3];
            if (length <= KEPT_BUFFER) {
                CHARS.set(chars);
                UTF8.set(bytes);
            }
        }
        if (text instanceof StringBuilder builder) {
            builder.getChars(0, length, chars, 0);
        } else {
            text.toString().getChars(0, length, chars, 0);
        }
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | c >> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]);
                bytes[n++] = (byte) (0xF0 | cp >> 18);
                bytes[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[n++] = '?';
            } else {
                bytes[n++] = (byte) (0xE0 | c >> 12);
                bytes[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        MessageDigest digest = DIGEST.get();
        digest.update(bytes, 0, n);
        return digest.digest();
    }

    public static byte[] digest(byte[] data) {
        return DIGEST.get().digest(data);
    }

    /** SHA-256 of {@code prefix || a || b}, the shape of both Merkle leaf and node hashes. */
    static byte[] digest(byte prefix, byte[] a, byte[] b) {
        MessageDigest digest = DIGEST.get();
        digest.update(prefix);
        digest.update(a);
        if (b != null) {
            digest.update(b);
        }
        return digest.digest();
    }
}
