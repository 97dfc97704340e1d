package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A missing or unlawful per-profile setting stops the start, naming the setting; nothing falls back to a guess. */
class ProfilePoliciesTest {

    private static final Duration CURE = Duration.ofDays(14);
    private static final Period SIX_MONTHS = Period.ofMonths(6);
    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final DesignatedAgent AGENT = new DesignatedAgent(
            "Copyright Agent",
            "1 Example Way, Springfield, IL 62701, USA",
            "+1 217 555 0100",
            "dmca@example.com",
            "DMCA-1000000",
            LocalDate.of(2026, 1, 15));

    private static Map<JurisdictionProfile, ProfilePolicies.Policy> lawful() {
        Map<JurisdictionProfile, ProfilePolicies.Policy> profiles = new EnumMap<>(JurisdictionProfile.class);
        profiles.put(
                JurisdictionProfile.CN_CC_1195, new ProfilePolicies.Policy(null, CURE, 15, null, null, SIX_MONTHS));
        profiles.put(JurisdictionProfile.CN_ECOM, new ProfilePolicies.Policy(null, CURE, 15, null, null, SIX_MONTHS));
        profiles.put(
                JurisdictionProfile.CN_REGS_2013,
                new ProfilePolicies.Policy(false, CURE, null, null, true, SIX_MONTHS));
        profiles.put(JurisdictionProfile.US_DMCA, new ProfilePolicies.Policy(null, CURE, 10, 14, null, SIX_MONTHS));
        profiles.put(JurisdictionProfile.EU_DSA, new ProfilePolicies.Policy(null, CURE, null, null, null, SIX_MONTHS));
        return profiles;
    }

    private static Map<JurisdictionProfile, ProfilePolicies.Policy> with(
            JurisdictionProfile profile, ProfilePolicies.Policy policy) {
        Map<JurisdictionProfile, ProfilePolicies.Policy> profiles = lawful();
        profiles.put(profile, policy);
        return profiles;
    }

    @Test
    void theShippedSettingsStart() {
        ProfilePolicies policies = new ProfilePolicies(lawful(), null, AGENT);

        assertThat(policies.of(JurisdictionProfile.US_DMCA).counterNoticeRestoreByDays())
                .isEqualTo(14);
        assertThat(policies.of(JurisdictionProfile.EU_DSA).appealWindow()).isEqualTo(SIX_MONTHS);
        assertThat(policies.timeCompression()).isEqualTo(1);
    }

    @Test
    void aMissingUsWaitStopsTheStartInsteadOfFallingBackToFifteenDays() {
        var profiles =
                with(JurisdictionProfile.US_DMCA, new ProfilePolicies.Policy(null, CURE, null, 14, null, SIX_MONTHS));

        assertThatThrownBy(() -> new ProfilePolicies(profiles, 1, AGENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takedown.profiles.US_DMCA.counter-notice-wait-days is missing");
    }

    @Test
    void aMissingProfileStopsTheStart() {
        var profiles = lawful();
        profiles.remove(JurisdictionProfile.CN_ECOM);

        assertThatThrownBy(() -> new ProfilePolicies(profiles, 1, AGENT))
                .hasMessageContaining("takedown.profiles.CN_ECOM is missing");
    }

    @Test
    void usRestoreDaysOutsideTenToFourteenBusinessDaysStopTheStart() {
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.US_DMCA,
                                new ProfilePolicies.Policy(null, CURE, 9, 15, null, SIX_MONTHS)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.US_DMCA.counter-notice-wait-days must be between 10 and 14")
                .hasMessageContaining("takedown.profiles.US_DMCA.counter-notice-restore-by-days must be between");
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.US_DMCA,
                                new ProfilePolicies.Policy(null, CURE, 12, 11, null, SIX_MONTHS)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.US_DMCA.counter-notice-restore-by-days");
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.US_DMCA,
                                new ProfilePolicies.Policy(null, CURE, 10, null, null, SIX_MONTHS)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.US_DMCA.counter-notice-restore-by-days is missing");
    }

    @Test
    void theECommerceLawsFifteenDaysAreNotConfigurable() {
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.CN_ECOM,
                                new ProfilePolicies.Policy(null, CURE, 10, null, null, SIX_MONTHS)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.CN_ECOM.counter-notice-wait-days must be 15");
    }

    @Test
    void aComplaintWindowShorterThanSixCalendarMonthsOrCountedInDaysStopsTheStart() {
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.EU_DSA,
                                new ProfilePolicies.Policy(null, CURE, null, null, null, Period.ofMonths(5))),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.EU_DSA.appeal-window must be whole calendar months");
        // 183 days fall short of six months that span 184 days (notified 1 July: to the end of 1 January)
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.EU_DSA,
                                new ProfilePolicies.Policy(null, CURE, null, null, null, Period.ofDays(183))),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.EU_DSA.appeal-window must be whole calendar months");
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.EU_DSA,
                                new ProfilePolicies.Policy(null, CURE, null, null, null, null)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.EU_DSA.appeal-window is missing");
    }

    @Test
    void aLongerComplaintWindowIsAllowed() {
        var policies = new ProfilePolicies(
                with(
                        JurisdictionProfile.EU_DSA,
                        new ProfilePolicies.Policy(null, CURE, null, null, null, Period.ofMonths(12))),
                1,
                AGENT);

        assertThat(policies.of(JurisdictionProfile.EU_DSA).appealWindow()).isEqualTo(Period.ofMonths(12));
    }

    @Test
    void counterNoticeSettingsOnAProfileWithoutCounterNoticesStopTheStart() {
        assertThatThrownBy(() -> new ProfilePolicies(
                        with(
                                JurisdictionProfile.EU_DSA,
                                new ProfilePolicies.Policy(null, CURE, 15, null, null, SIX_MONTHS)),
                        1,
                        AGENT))
                .hasMessageContaining("takedown.profiles.EU_DSA.counter-notice-wait-days");
    }

    static Stream<Arguments> agentsMissingAnElement() {
        return Stream.of(
                Arguments.of(
                        new DesignatedAgent(null, AGENT.address(), AGENT.phone(), AGENT.email(), "DMCA-1", DAY),
                        "takedown.designated-agent.name is missing"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), " ", AGENT.phone(), AGENT.email(), "DMCA-1", DAY),
                        "takedown.designated-agent.address is missing"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), AGENT.address(), "", AGENT.email(), "DMCA-1", DAY),
                        "takedown.designated-agent.phone is missing"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), AGENT.address(), AGENT.phone(), null, "DMCA-1", DAY),
                        "takedown.designated-agent.email is missing"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), AGENT.address(), AGENT.phone(), "agent", "DMCA-1", DAY),
                        "takedown.designated-agent.email must be an e-mail address"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), AGENT.address(), AGENT.phone(), AGENT.email(), null, DAY),
                        "takedown.designated-agent.registration-number is missing"),
                Arguments.of(
                        new DesignatedAgent(AGENT.name(), AGENT.address(), AGENT.phone(), AGENT.email(), "D", null),
                        "takedown.designated-agent.registered-on is missing"),
                Arguments.of(null, "takedown.designated-agent is missing"));
    }

    @ParameterizedTest
    @MethodSource("agentsMissingAnElement")
    void aDmcaAgentMissingAnElementStopsTheStartNamingTheSetting(DesignatedAgent agent, String message) {
        assertThatThrownBy(() -> new ProfilePolicies(lawful(), 1, agent))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    @Test
    void withoutTheUsProfileNoAgentIsNeededOrPublished() {
        var policies = new ProfilePolicies(
                with(JurisdictionProfile.US_DMCA, new ProfilePolicies.Policy(false, CURE, 10, 14, null, SIX_MONTHS)),
                1,
                null);

        assertThat(policies.dmcaAgent()).isEmpty();
        assertThat(new ProfilePolicies(lawful(), 1, AGENT).dmcaAgent()).contains(AGENT);
    }
}
