package dev.takedown.notices.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import org.springframework.web.server.ResponseStatusException;

/** The public endpoint names the agent with every 512(c)(2) element, its registration and when it lapses. */
class DesignatedAgentApiTest {

    private static final DesignatedAgent AGENT = new DesignatedAgent(
            "Copyright Agent",
            "1 Example Way, Springfield, IL 62701, USA",
            "+1 217 555 0100",
            "dmca@example.com",
            "DMCA-1000000",
            LocalDate.of(2026, 1, 15));

    static ProfilePolicies policies(boolean usEnabled, DesignatedAgent agent) {
        Duration cure = Duration.ofDays(14);
        Period six = Period.ofMonths(6);
        Map<JurisdictionProfile, ProfilePolicies.Policy> profiles = new EnumMap<>(JurisdictionProfile.class);
        profiles.put(JurisdictionProfile.CN_CC_1195, new ProfilePolicies.Policy(null, cure, 15, null, null, six));
        profiles.put(JurisdictionProfile.CN_ECOM, new ProfilePolicies.Policy(null, cure, 15, null, null, six));
        profiles.put(JurisdictionProfile.CN_REGS_2013, new ProfilePolicies.Policy(false, cure, null, null, true, six));
        profiles.put(JurisdictionProfile.US_DMCA, new ProfilePolicies.Policy(usEnabled, cure, 10, 14, null, six));
        profiles.put(JurisdictionProfile.EU_DSA, new ProfilePolicies.Policy(null, cure, null, null, null, six));
        return new ProfilePolicies(profiles, 1, agent);
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void publishesEveryElementWithTheExpiryInSnakeCase() throws Exception {
        var api = new DesignatedAgentApi(policies(true, AGENT), on(LocalDate.of(2027, 6, 1)));

        String json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(api.agent());

        assertThat(json)
                .contains("\"name\":\"Copyright Agent\"")
                .contains("\"address\":\"1 Example Way, Springfield, IL 62701, USA\"")
                .contains("\"phone\":\"+1 217 555 0100\"")
                .contains("\"email\":\"dmca@example.com\"")
                .contains("\"registration_number\":\"DMCA-1000000\"")
                .contains("\"registered_on\":\"2026-01-15\"")
                .contains("\"expires_on\":\"2029-01-15\"")
                .contains("\"renewal_due\":false");
    }

    @Test
    void saysWhenRenewalIsDue() {
        assertThat(new DesignatedAgentApi(policies(true, AGENT), on(LocalDate.of(2028, 10, 17)))
                        .agent()
                        .renewalDue())
                .isTrue();
    }

    @Test
    void isNotFoundWithoutTheUsProfile() {
        var api = new DesignatedAgentApi(policies(false, null), on(LocalDate.of(2027, 6, 1)));

        assertThatThrownBy(api::agent)
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }
}
