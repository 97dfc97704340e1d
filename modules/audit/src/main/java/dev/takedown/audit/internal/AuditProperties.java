package dev.takedown.audit.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
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
    public record Checkpoint(@DefaultValue("PT5M") Duration interval) {
    }

    /**
     * @param keyPath PKCS#8 PEM file of the Ed25519 checkpoint key; empty = no checkpoints are made
     * @param generateIfMissing create the key when the file does not exist (local profile only)
     */
    public record Signing(String keyPath, @DefaultValue("false") boolean generateIfMissing) {

        public Optional<Path> key() {
            return keyPath == null || keyPath.isBlank() ? Optional.empty() : Optional.of(Path.of(keyPath));
        }
    }

    /**
     * @param url RFC 3161 time-stamping authority; empty = checkpoints stay unstamped
     * @param timeout per request
     */
    public record Tsa(String url, @DefaultValue("PT10S") Duration timeout) {

        public Optional<URI> uri() {
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
        }
    }
}
