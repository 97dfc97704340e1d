package dev.takedown.notices;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Links that let a logged-out notifier, who has no account, read its case and complain against a decision that
 * affects it (DSA Art. 20). The token is {@code caseId.expiry.HMAC("notifier", caseId, expiry)}: the purpose is part of
 * what is signed, so no uploader link (or any other link under the same key) opens it. Each letter carries a link that
 * lasts the complaint window of the decision it announces.
 */
@Service
public class NotifierLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Clock clock;

    NotifierLinks(@Value("${takedown.links.secret}") String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("takedown.links.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A link to the case for its notifier, valid until {@code expiresAt}. */
    public String issue(String caseId, Instant expiresAt) {
        String body = caseId + "." + expiresAt.getEpochSecond();
        return body + "." + sign(body);
    }

    /** The case a token opens; empty for a token that is not ours, was changed, or has expired. */
    public Optional<String> caseOf(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(
                sign(body).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            UUID.fromString(parts[0]);
            if (!Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant())) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(parts[0]);
    }

    /** Who acts through a notifier link of this case, as the case's history and the ledger name it. */
    public static String actorFor(String caseId) {
        return "notifier-link:" + caseId;
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(("notifier|" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
