package dev.takedown.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The key pair that signs test access tokens. The security tests' application trusts its public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), so that bearer tokens, API keys and HTTP
 * Basic are tested against one running security configuration.
 */
final class TestTokens {

    static final KeyPair TRUSTED = rsaKeyPair();
    static final Path PUBLIC_KEY = publicKeyPem(TRUSTED);

    private TestTokens() {}

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyPem(KeyPair keys) {
        try {
            Path file = Files.createTempFile("takedown-jwt-test", ".pem");
            file.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
