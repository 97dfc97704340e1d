package dev.takedown.notifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A logged-out notifier is its confirmed address, kept as a keyed hash; the link confirms one case and one address. */
class PublicNotifiersTest {

    private static final String SECRET = "a-secret-for-the-unit-test-only-0123456789";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final PublicNotifiers notifiers = at(T0, SECRET);

    @Test
    void oneAddressIsOneIdentityHowEverSpeltAndNeverShowsTheAddress() {
        String identity = notifiers.identity("visitor@example.test");

        assertThat(notifiers.identity("  Visitor@EXAMPLE.test ")).isEqualTo(identity);
        assertThat(notifiers.identity("other@example.test")).isNotEqualTo(identity);
        assertThat(identity).startsWith("email:").doesNotContain("visitor", "example");
        assertThat(at(T0, SECRET.replace('a', 'b')).identity("visitor@example.test"))
                .as("keyed: without the secret, a list of addresses does not reveal whose it is")
                .isNotEqualTo(identity);
    }

    @Test
    void aLinkConfirmsItsCaseAndAddressUntilItExpires() {
        String token = notifiers.confirmationToken("case-1", "visitor@example.test");

        assertThat(notifiers.caseOf(token)).contains("case-1");
        assertThat(notifiers.confirm(token, "case-1", "VISITOR@example.test"))
                .contains(new PublicNotifiers.Confirmation("case-1", notifiers.identity("visitor@example.test")));
        assertThat(notifiers.confirm(token, "case-1", "other@example.test")).isEmpty();
        assertThat(notifiers.confirm(token.replace("case-1", "case-2"), "case-2", "visitor@example.test"))
                .isEmpty();
        assertThat(notifiers.confirm(token + "A", "case-1", "visitor@example.test"))
                .isEmpty();
        assertThat(notifiers.confirm("case-1.x.y", "case-1", "visitor@example.test"))
                .isEmpty();

        assertThat(at(T0.plus(Duration.ofDays(7)), SECRET).confirm(token, "case-1", "visitor@example.test"))
                .as("valid seven days")
                .isEmpty();
        assertThat(at(T0.plus(Duration.ofDays(7)).minusSeconds(1), SECRET)
                        .confirm(token, "case-1", "visitor@example.test"))
                .isPresent();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatIllegalStateException().isThrownBy(() -> at(T0, "short"));
    }

    private static PublicNotifiers at(Instant now, String secret) {
        return new PublicNotifiers(secret, new NotifierSettings(null), Clock.fixed(now, ZoneOffset.UTC));
    }
}
