package dev.takedown.events;

import java.time.Instant;

/** The platform put the measure into effect (took the content down, installed the filter) at {@code enforcedAt}. */
public record MeasureEnforced(String measureId, Long version, Instant enforcedAt) implements EnforcementResult {

    public static final String TYPE = "dev.takedown.enforcement.measure-enforced.v1";

    @Override
    public Instant at() {
        return enforcedAt;
    }
}
