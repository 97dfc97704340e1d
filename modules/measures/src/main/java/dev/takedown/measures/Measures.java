package dev.takedown.measures;

import dev.takedown.events.MeasureApplied;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans measures when a moderator decides and applies them when the lifecycle reaches that step. Applying is
 * idempotent: a retried job finds the measures applied and publishes nothing again.
 */
@Service
public class Measures {

    private final MeasureRepository measures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Measures(MeasureRepository measures, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.measures = measures;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One measure of each type for each target. */
    @Transactional
    public List<MeasureView> plan(String caseId, String decisionId, List<MeasureType> types, List<String> targetUrls,
            String actor) {
        Instant now = clock.instant();
        List<Measure> planned = types.stream().distinct()
                .flatMap(type -> targetUrls.stream().map(url -> new Measure(UUID.randomUUID(), caseId, decisionId, type,
                        url, actor, now)))
                .toList();
        return measures.saveAll(planned).stream().map(Measure::view).toList();
    }

    /** Puts every planned measure of the case into effect; returns how many are in effect. */
    @Transactional
    public int applyPlanned(String caseId) {
        Instant now = clock.instant();
        List<Measure> all = measures.findByCaseIdOrderByPlannedAt(caseId);
        for (Measure measure : all) {
            if (measure.apply(now)) {
                events.publishEvent(new MeasureApplied(UUID.randomUUID(), now, caseId, measure.plannedBy(),
                        measure.id().toString(), measure.type().name(), measure.targetUrl(), null));
            }
        }
        return all.size();
    }

    @Transactional(readOnly = true)
    public List<MeasureView> forCase(String caseId) {
        return measures.findByCaseIdOrderByPlannedAt(caseId).stream().map(Measure::view).toList();
    }
}
