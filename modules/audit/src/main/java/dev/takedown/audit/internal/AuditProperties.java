package dev.takedown.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code takedown.audit.*}.
 *
 * @param policyVersion recorded with events that do not name the policy version they were handled under
 * @param restrictedRole append as {@code takedown_ledger} (insert and select only) instead of the app's own role
 * @param chains how many hash chains the ledger is partitioned into; changing it moves new records of a case to
 *        another chain, which verification tolerates but case order across the change then follows recorded_at
 */
@ConfigurationProperties("takedown.audit")
public record AuditProperties(
        @DefaultValue("2026-11-01") String policyVersion,
        @DefaultValue("true") boolean restrictedRole,
        @DefaultValue("4") int chains,
        @DefaultValue Checkpoint checkpoint,
        @DefaultValue Signing signing,
        @DefaultValue Tsa tsa) {

    public AuditProperties {
        if (chains < 1) {
            throw new IllegalArgumentException("takedown.audit.chains must be at least 1");
        }
    }

    /** @param interval between checkpoint runs */
    public record Checkpoint(@DefaultValue("PT5M") Duration interval) {}

    /**
     * @param keyPath PKCS#8 PEM file of the Ed25519 checkpoint key; empty = no checkpoints are made
     * @param generateIfMissing create the key when the file does not exist (local profile only)
     * @param previousPublicKeys PEM files of retired signing keys' public keys: checkpoints they signed still
     *        verify (key rotation, docs/operations.md)
     */
    public record Signing(
            String keyPath, @DefaultValue("false") boolean generateIfMissing, List<String> previousPublicKeys) {

        public Signing {
            previousPublicKeys = previousPublicKeys == null ? List.of() : List.copyOf(previousPublicKeys);
        }

        public Optional<Path> key() {
            return keyPath == null || keyPath.isBlank() ? Optional.empty() : Optional.of(Path.of(keyPath));
        }

        public List<PublicKey> previousKeys() {
            List<PublicKey> keys = new ArrayList<>();
            for (String path : previousPublicKeys) {
                try {
                    keys.addAll(
                            SigningKey.publicKeysFromPem(Files.readString(Path.of(path), StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read previous public key " + path, e);
                }
            }
            return keys;
        }
    }

    /**
     * @param url RFC 3161 time-stamping authority; empty = checkpoints stay unstamped
     * @param timeout per request
     * @param trustedCertificates PEM files of the certificates (CA or the TSA's own) a token's signer must chain
     *        to; required with {@code url}
     */
    public record Tsa(String url, @DefaultValue("PT10S") Duration timeout, List<String> trustedCertificates) {

        public Tsa {
            trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        }

        public TsaTrust trust() {
            return TsaTrust.load(trustedCertificates.stream().map(Path::of).toList());
        }

        public Optional<URI> uri() {
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
        }
    }
}
