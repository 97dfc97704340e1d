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
