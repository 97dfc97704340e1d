package dev.takedown.correspondence.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link in a letter that records its receipt: {@code /l/<letter id>.<HMAC>}. It opens nothing by itself (the
 * page it leads to has its own credentials), so it does not expire; the signature only stops anyone from marking
 * letters they never received as delivered. Keyed with the uploader links' secret, under its own label.
 */
@Component
public class ReceiptLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String LABEL = "letter-receipt:";

    private final byte[] secret;
    private final String baseUrl;

    ReceiptLinks(
            @Value("${takedown.links.secret}") String secret,
            @Value("${takedown.public-base-url:http://localhost:8080}") String baseUrl) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("takedown.links.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String url(UUID letterId) {
        return baseUrl + "/l/" + letterId + "." + sign(letterId.toString());
    }

    /** The letter the token names, if its signature is genuine. */
    public Optional<UUID> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private String sign(String letterId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal((LABEL + letterId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
