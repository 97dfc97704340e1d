package dev.takedown.audit.internal;

import java.security.DigestException;
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

    private Sha256() {}

    /** SHA-256 of {@code data[0..length)} into {@code out[0..32)}: no array per call. */
    static void digest(byte[] data, int length, byte[] out) {
        MessageDigest digest = DIGEST.get();
        digest.update(data, 0, length);
        try {
            digest.digest(out, 0, 32);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** SHA-256 of {@code prefix || a || b} into {@code out[0..32)}; {@code out} may be {@code a} or {@code b}. */
    static void digest(byte prefix, byte[] a, byte[] b, byte[] out) {
        MessageDigest digest = DIGEST.get();
        digest.update(prefix);
        digest.update(a);
        if (b != null) {
            digest.update(b);
        }
        try {
            digest.digest(out, 0, 32);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
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
