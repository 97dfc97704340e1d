package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each link expires with the window it serves; the computations need no database. */
class UploaderLinkExpiryTest {

    private static final ProfilePolicies.Policy SIX_MONTHS =
            new ProfilePolicies.Policy(null, Duration.ofDays(14), 15, null, null, Period.ofMonths(6));
    private static final ProfilePolicies.Policy EIGHT_MONTHS =
            new ProfilePolicies.Policy(null, Duration.ofDays(14), null, null, null, Period.ofMonths(8));

    // 31 August 10:00 UTC: six months end with the last day of February, not on 31 February
    private static final Instant NOTIFIED = Instant.parse("2025-08-31T10:00:00Z");

    private final UploaderLinks links = new UploaderLinks(
            "a-secret-for-the-unit-test-only-0123456789",
            Duration.ofDays(200),
            Period.ofMonths(3),
            null,
            null,
            Clock.fixed(NOTIFIED, ZoneOffset.UTC));

    @Test
    void theViewLinkLastsTheConfiguredPeriod() {
        assertThat(links.expiry(UploaderLinkPurpose.VIEW, JurisdictionProfile.EU_DSA, SIX_MONTHS, NOTIFIED))
                .contains(NOTIFIED.plus(Duration.ofDays(200)));
    }

    @Test
    void theAppealLinkEndsWithTheArticle20WindowOfThatDecisionWhereverTheDayEndsLast() {
        // 28 February 2026 ends last at UTC−12: 1 March 12:00 UTC
        assertThat(links.expiry(UploaderLinkPurpose.APPEAL, JurisdictionProfile.CN_CC_1195, SIX_MONTHS, NOTIFIED))
                .contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(links.expiry(UploaderLinkPurpose.APPEAL, JurisdictionProfile.EU_DSA, EIGHT_MONTHS, NOTIFIED))
                .as("a longer configured window")
                .contains(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(links.expiry(UploaderLinkPurpose.APPEAL, JurisdictionProfile.EU_DSA, SIX_MONTHS, NOTIFIED))
                .isEqualTo(Optional.of(
                        new CaseTimers(JurisdictionProfile.EU_DSA, SIX_MONTHS, 1, NOTIFIED, NOTIFIED, null, null, null)
                                .complaintWindowEnds()
                                .orElseThrow()));
    }

    @Test
    void theCounterNoticeLinkEndsWithTheCounterNoticeWindowAndTheDsaHasNone() {
        assertThat(links.expiry(UploaderLinkPurpose.COUNTER_NOTICE, JurisdictionProfile.US_DMCA, SIX_MONTHS, NOTIFIED))
                .as("three months from 31 August: 30 November, anywhere")
                .contains(Instant.parse("2025-12-01T12:00:00Z"));
        assertThat(links.expiry(UploaderLinkPurpose.COUNTER_NOTICE, JurisdictionProfile.CN_ECOM, SIX_MONTHS, NOTIFIED))
                .contains(Instant.parse("2025-12-01T12:00:00Z"));
        assertThat(links.expiry(UploaderLinkPurpose.COUNTER_NOTICE, JurisdictionProfile.EU_DSA, SIX_MONTHS, NOTIFIED))
                .isEmpty();
    }
}
