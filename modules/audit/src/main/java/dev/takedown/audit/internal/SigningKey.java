package dev.takedown.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** The Ed25519 key that signs checkpoints, and verification of such signatures. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    /**
     * Reads the PKCS#8 PEM at {@code path}; when it does not exist and {@code generateIfMissing}, creates it
     * (owner-only permissions where the file system has them).
     */
    public static SigningKey load(Path path, boolean generateIfMissing) {
        try {
            if (Files.notExists(path)) {
                if (!generateIfMissing) {
                    throw new IllegalStateException("no checkpoint signing key at " + path.toAbsolutePath()
                            + " (generating one is allowed only where takedown.audit.signing.generate-if-missing"
                            + " is set)");
                }
                return generate(path);
            }
            return fromPkcs8(pemBody(Files.readString(path, StandardCharsets.US_ASCII), "PRIVATE KEY"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SigningKey generate(Path path) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Path partial = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(partial, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies
            }
            Files.move(partial, path);
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JRE has no Ed25519", e);
        }
    }

    static SigningKey fromPkcs8(byte[] der) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            // PKCS#8 v1 carries no public key; derive it
            var parameters = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters.generatePublicKey())
                    .getEncoded();
            return new SigningKey(privateKey, publicKey(spki));
        } catch (GeneralSecurityException | IOException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
        }
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId(publicKey);
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** SHA-256 of the SubjectPublicKeyInfo, hex: what a reader compares with the published fingerprint. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Sha256.digest(key.getEncoded()));
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return publicKey(pemBody(pem, "PUBLIC KEY"));
    }

    /** Every PUBLIC KEY block of {@code pem}, in order. */
    public static List<PublicKey> publicKeysFromPem(String pem) {
        List<PublicKey> keys = new ArrayList<>();
        String rest = pem;
        for (int end; (end = rest.indexOf("-----END PUBLIC KEY-----")) >= 0; ) {
            int next = end + "-----END PUBLIC KEY-----".length();
            keys.add(publicKeyFromPem(rest.substring(0, next)));
            rest = rest.substring(next);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PEM PUBLIC KEY");
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] spki) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem, String type) {
        int begin = pem.indexOf("-----BEGIN " + type + "-----");
        int end = pem.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no PEM " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(begin + type.length() + 16, end));
    }
}
