package dev.takedown.notices.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.notices.DesignatedAgent;
import dev.takedown.notices.ProfilePolicies;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The DMCA designated agent as 17 U.S.C. 512(c)(2) wants it available to the public, with the Copyright Office
 * registration and when it lapses; not found while the US_DMCA profile is off.
 */
@RestController
class DesignatedAgentApi {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Agent(
            String name,
            String address,
            String phone,
            String email,
            String registrationNumber,
            LocalDate registeredOn,
            LocalDate expiresOn,
            boolean renewalDue) {}

    private final ProfilePolicies policies;
    private final Clock clock;

    DesignatedAgentApi(ProfilePolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping(path = "/api/designated-agent", produces = MediaType.APPLICATION_JSON_VALUE)
    Agent agent() {
        DesignatedAgent agent = policies.dmcaAgent()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no designated agent: the US_DMCA profile is not enabled"));
        return new Agent(
                agent.name(),
                agent.address(),
                agent.phone(),
                agent.email(),
                agent.registrationNumber(),
                agent.registeredOn(),
                agent.expiresOn(),
                agent.renewalDue(LocalDate.now(clock)));
    }
}
