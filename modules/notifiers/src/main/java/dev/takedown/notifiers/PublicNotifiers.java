package dev.takedown.notifiers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Logged-out notifiers, each identified by an e-mail address it proved it reads: the public channel sends a signed,
 * expiring link to the address before the notice is processed. The identity is {@code email:} and a keyed hash of the
 * address (HMAC-SHA256), so standing is kept per address without storing the address in the standing tables and the
 * ledger, and without a dictionary of addresses revealing who it is.
 */
@Service
public class PublicNotifiers {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a valid confirmation link confirms: that case's notifier reads the address {@code identity} stands for. */
    public record Confirmation(String caseId, String identity) {}

    private final byte[] identityKey;
    private final byte[] linkKey;
    private final Duration validity;
    private final Clock clock;

    PublicNotifiers(
            @Value("${takedown.notifiers.secret:${takedown.links.secret:}}") String key,
            NotifierSettings settings,
            Clock clock) {
        if (key == null || key.length() < 32) {
            throw new IllegalStateException(
                    "takedown.notifiers.secret (by default takedown.links.secret) must be at least 32 characters");
        }
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        // one secret, two purposes: a link's signature never doubles as an identity
        this.identityKey = mac(secret, "notifier-identity".getBytes(StandardCharsets.UTF_8));
        this.linkKey = mac(secret, "confirmation-link".getBytes(StandardCharsets.UTF_8));
        this.validity = settings.confirmationValidity();
        this.clock = clock;
    }

    /** The identity of the notifier who reads {@code email}: the same for any spelling of the same address. */
    public String identity(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a logged-out notifier is identified by its e-mail address");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        return "email:" + HexFormat.of().formatHex(mac(identityKey, normalised.getBytes(StandardCharsets.UTF_8)));
    }

    /** A token for the link that confirms {@code email} reads the notice of {@code caseId}. */
    public String confirmationToken(String caseId, String email) {
        long expiry = clock.instant().plus(validity).getEpochSecond();
        String payload = caseId + "." + expiry;
        return payload + "." + sign(payload + "." + identity(email));
    }

    /**
     * The case and identity a genuine, unexpired token confirms. {@code email} is the address the case's notice gave:
     * a token made for another address does not confirm it.
     */
    public Optional<Confirmation> confirm(String token, String caseId, String email) {
        if (token == null || caseId == null || email == null || email.isBlank()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(caseId)) {
            return Optional.empty();
        }
        String identity = identity(email);
        byte[] expected = sign(parts[0] + "." + parts[1] + "." + identity).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant())
                    ? Optional.of(new Confirmation(caseId, identity))
                    : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** The case a token names, before it is checked against that case's address; empty for no token at all. */
    public Optional<String> caseOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(token.substring(0, dot));
    }

    public Duration confirmationValidity() {
        return validity;
    }

    private String sign(String payload) {
        return ENCODER.encodeToString(mac(linkKey, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
