package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A logged-out notifier's link opens its case until it expires, and nothing else does. */
class NotifierLinksTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CASE = UUID.randomUUID().toString();

    private final NotifierLinks links = new NotifierLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkOpensItsCaseUntilItExpires() {
        Instant expires = NOW.plus(Duration.ofDays(183));
        String token = links.issue(CASE, expires);

        assertThat(links.caseOf(token)).contains(CASE);
        assertThat(new NotifierLinks(SECRET, Clock.fixed(expires.minusSeconds(1), ZoneOffset.UTC)).caseOf(token))
                .contains(CASE);
        assertThat(new NotifierLinks(SECRET, Clock.fixed(expires, ZoneOffset.UTC)).caseOf(token))
                .as("expired")
                .isEmpty();
    }

    @Test
    void aChangedForgedOrForeignTokenOpensNothing() {
        String token = links.issue(CASE, NOW.plus(Duration.ofDays(1)));
        String[] parts = token.split("\\.");

        assertThat(links.caseOf(UUID.randomUUID() + "." + parts[1] + "." + parts[2]))
                .as("another case")
                .isEmpty();
        assertThat(links.caseOf(parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2]))
                .as("a later expiry")
                .isEmpty();
        assertThat(new NotifierLinks("another-secret-of-at-least-thirty-two-chars", Clock.fixed(NOW, ZoneOffset.UTC))
                        .caseOf(token))
                .as("another key")
                .isEmpty();
        assertThat(links.caseOf("not-a-token")).isEmpty();
        assertThat(links.caseOf("x.y.z")).isEmpty();
        assertThat(links.caseOf(null)).isEmpty();
        assertThat(links.caseOf("a".repeat(500))).isEmpty();
    }

    /** An uploader's link of the earlier form (caseId.expiry.HMAC) under the same key is no notifier link. */
    @Test
    void theSignatureCoversThePurpose() throws Exception {
        long expiry = NOW.plus(Duration.ofDays(1)).getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String unprefixed = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((CASE + "." + expiry).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(links.caseOf(CASE + "." + expiry + "." + unprefixed)).isEmpty();
    }

    @Test
    void aShortSecretStopsTheStart() {
        assertThatThrownBy(() -> new NotifierLinks("short", Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takedown.links.secret");
    }
}
