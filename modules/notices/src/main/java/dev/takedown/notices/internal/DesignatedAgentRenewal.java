package dev.takedown.notices.internal;

import dev.takedown.notices.DesignatedAgent;
import dev.takedown.notices.ProfilePolicies;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminds operators to renew the DMCA agent designation before the Copyright Office lets it lapse (37 CFR
 * 201.38(c)(4)): a warning at start and a health detail. Health stays UP, since an expiring registration is no reason
 * to take a node out of service, but the detail says when it lapses and whether renewal is due.
 */
@Component("designatedAgentHealthIndicator")
class DesignatedAgentRenewal implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DesignatedAgentRenewal.class);

    private final ProfilePolicies policies;
    private final Clock clock;

    DesignatedAgentRenewal(ProfilePolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfDue() {
        reminder().ifPresent(log::warn);
    }

    /** The warning, once renewal is due. */
    Optional<String> reminder() {
        LocalDate today = LocalDate.now(clock);
        return policies.dmcaAgent()
                .filter(agent -> agent.renewalDue(today))
                .map(agent -> "The DMCA agent designation " + agent.registrationNumber()
                        + (agent.expired(today) ? " expired on " : " expires on ") + agent.expiresOn()
                        + ": renew it with the Copyright Office and update takedown.designated-agent.registered-on");
    }

    @Override
    public Health health() {
        Optional<DesignatedAgent> agent = policies.dmcaAgent();
        if (agent.isEmpty()) {
            return Health.up()
                    .withDetail("designatedAgent", "not required (US_DMCA disabled)")
                    .build();
        }
        LocalDate today = LocalDate.now(clock);
        Health.Builder health = Health.up()
                .withDetail("registrationNumber", agent.get().registrationNumber())
                .withDetail("expiresOn", agent.get().expiresOn().toString())
                .withDetail("renewalDue", agent.get().renewalDue(today));
        reminder().ifPresent(warning -> health.withDetail("warning", warning));
        return health.build();
    }
}
