package dev.takedown.events;

import java.time.Instant;

/** The platform undid the measure (restored the content, removed the filter) at {@code liftedAt}. */
public record LiftEnforced(String measureId, Long version, Instant liftedAt) implements EnforcementResult {

    public static final String TYPE = "dev.takedown.enforcement.lift-enforced.v1";

    @Override
    public Instant at() {
        return liftedAt;
    }
}
