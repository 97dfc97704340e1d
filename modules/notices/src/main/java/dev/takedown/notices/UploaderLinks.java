package dev.takedown.notices;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signed, expiring links that let an uploader (who has no account) read the forwarded notice and answer it. The
 * token is {@code caseId.expiry.hmac}; it grants access to that one case's uploader page until it expires.
 */
@Service
public class UploaderLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration validity;
    private final Clock clock;

    UploaderLinks(
            @Value("${takedown.links.secret}") String secret,
            @Value("${takedown.links.validity:P200D}") Duration validity,
            Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("takedown.links.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.validity = validity;
        this.clock = clock;
    }

    public String issue(String caseId) {
        long expiry = clock.instant().plus(validity).getEpochSecond();
        String payload = caseId + "." + expiry;
        return payload + "." + sign(payload);
    }

    /** The case the token opens, if it is genuine and unexpired. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(token.substring(first + 1, last));
            return Instant.ofEpochSecond(expiry).isAfter(clock.instant())
                    ? Optional.of(token.substring(0, first))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
