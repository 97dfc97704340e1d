package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Copyright Office designation lapses three years after registration; renewal is asked for 90 days before. */
class DesignatedAgentTest {

    private static DesignatedAgent registeredOn(LocalDate day) {
        return new DesignatedAgent("Agent", "1 Example Way", "+1 217 555 0100", "dmca@example.com", "DMCA-1", day);
    }

    @Test
    void expiresThreeCalendarYearsAfterRegistration() {
        assertThat(registeredOn(LocalDate.of(2026, 1, 15)).expiresOn()).isEqualTo(LocalDate.of(2029, 1, 15));
        // a designation registered on 29 February expires on 28 February three years later
        assertThat(registeredOn(LocalDate.of(2024, 2, 29)).expiresOn()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void renewalIsDueFromNinetyDaysBeforeTheExpiry() {
        DesignatedAgent agent = registeredOn(LocalDate.of(2026, 1, 15));

        // 2029-01-15 minus 90 days is 2028-10-17
        assertThat(agent.renewalDue(LocalDate.of(2028, 10, 16))).isFalse();
        assertThat(agent.renewalDue(LocalDate.of(2028, 10, 17))).isTrue();
        assertThat(agent.expired(LocalDate.of(2029, 1, 14))).isFalse();
        assertThat(agent.expired(LocalDate.of(2029, 1, 15))).isTrue();
        assertThat(agent.renewalDue(LocalDate.of(2029, 3, 1))).isTrue();
    }
}
