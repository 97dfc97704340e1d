package dev.takedown.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.DesignatedAgent;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.ProfilePolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The renewal reminder on fixed dates: silent before 90 days ahead, a warning and a health detail from then on. */
class DesignatedAgentRenewalTest {

    private static final ProfilePolicies POLICIES = policies();

    private static ProfilePolicies policies() {
        Duration cure = Duration.ofDays(14);
        Period six = Period.ofMonths(6);
        Map<JurisdictionProfile, ProfilePolicies.Policy> profiles = new EnumMap<>(JurisdictionProfile.class);
        profiles.put(JurisdictionProfile.CN_CC_1195, new ProfilePolicies.Policy(null, cure, 15, null, null, six));
        profiles.put(JurisdictionProfile.CN_ECOM, new ProfilePolicies.Policy(null, cure, 15, null, null, six));
        profiles.put(JurisdictionProfile.CN_REGS_2013, new ProfilePolicies.Policy(false, cure, null, null, true, six));
        profiles.put(JurisdictionProfile.US_DMCA, new ProfilePolicies.Policy(null, cure, 10, 14, null, six));
        profiles.put(JurisdictionProfile.EU_DSA, new ProfilePolicies.Policy(null, cure, null, null, null, six));
        return new ProfilePolicies(
                profiles,
                1,
                new DesignatedAgent(
                        "Agent",
                        "1 Example Way",
                        "+1 217 555 0100",
                        "dmca@example.com",
                        "DMCA-1000000",
                        LocalDate.of(2026, 1, 15)));
    }

    private static DesignatedAgentRenewal on(LocalDate day) {
        return new DesignatedAgentRenewal(
                POLICIES, Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void quietUntilNinetyDaysBeforeTheExpiry() {
        DesignatedAgentRenewal renewal = on(LocalDate.of(2028, 10, 16));

        assertThat(renewal.reminder()).isEmpty();
        assertThat(renewal.health().getDetails())
                .containsEntry("expiresOn", "2029-01-15")
                .containsEntry("renewalDue", false)
                .doesNotContainKey("warning");
    }

    @Test
    void warnsFromNinetyDaysBeforeAndAfterTheExpiryWhileStayingUp() {
        assertThat(on(LocalDate.of(2028, 10, 17)).reminder())
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("DMCA-1000000 expires on 2029-01-15")
                        .contains("takedown.designated-agent.registered-on"));
        DesignatedAgentRenewal lapsed = on(LocalDate.of(2029, 2, 1));
        assertThat(lapsed.reminder()).hasValueSatisfying(w -> assertThat(w).contains("expired on 2029-01-15"));
        assertThat(lapsed.health().getStatus()).isEqualTo(Status.UP);
        assertThat(lapsed.health().getDetails())
                .containsEntry("renewalDue", true)
                .containsKey("warning");
    }
}
