package dev.takedown.measures.internal;

import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A measure's applied and lifted records are the platform's commands; each one published in the measure's
 * transaction makes its enforcement wait for the platform's answer to that version. A record published again (a
 * retry, a lift restated on the compacted topic) carries the same version and changes nothing.
 */
@Component
class EnforcementRequests {

    private final EnforcementRepository enforcements;
    private final Clock clock;

    EnforcementRequests(EnforcementRepository enforcements, Clock clock) {
        this.enforcements = enforcements;
        this.clock = clock;
    }

    @EventListener
    void on(MeasureApplied applied) {
        requested(applied.measureId(), applied.version(), false);
    }

    @EventListener
    void on(MeasureLifted lifted) {
        requested(lifted.measureId(), lifted.version(), true);
    }

    private void requested(String measureId, Long version, boolean lift) {
        if (version == null) {
            return;
        }
        UUID id = UUID.fromString(measureId);
        Enforcement enforcement = enforcements.findById(id).orElseGet(() -> new Enforcement(id));
        if (enforcement.request(version, lift, clock.instant())) {
            enforcements.save(enforcement);
        }
    }
}
