package dev.takedown.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans measures when a moderator decides, applies them when the lifecycle reaches that step, lifts them on
 * restoration. Applying and lifting are idempotent: a retried job publishes nothing twice.
 */
@Service
public class Measures {

    private final MeasureRepository measures;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    Measures(MeasureRepository measures, ApplicationEventPublisher events, ObjectMapper json, Optional<Clock> clock) {
        this.measures = measures;
        this.events = events;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * One measure of each target type for each target, and one of each filter type for the whole case carrying
     * {@code rule} (required when a filter type is planned).
     */
    @Transactional
    public List<MeasureView> plan(String caseId, String decisionId, List<MeasureType> types, List<String> targetUrls,
            ScreeningRule rule, String actor) {
        Instant now = clock.instant();
        List<Measure> planned = new ArrayList<>();
        for (MeasureType type : types.stream().distinct().toList()) {
            if (type.isFilter()) {
                if (rule == null) {
                    throw new IllegalArgumentException(type + " needs a screening rule");
                }
                planned.add(new Measure(UUID.randomUUID(), caseId, decisionId, type, null, write(rule), actor, now));
            } else {
                targetUrls.forEach(url -> planned.add(new Measure(UUID.randomUUID(), caseId, decisionId, type, url,
                        null, actor, now)));
            }
        }
        return measures.saveAll(planned).stream().map(this::view).toList();
    }

    /** Puts every planned measure of the case into effect; returns how many are in effect. */
    @Transactional
    public int applyPlanned(String caseId) {
        Instant now = clock.instant();
        int inEffect = 0;
        for (Measure measure : measures.findByCaseIdOrderByPlannedAt(caseId)) {
            if (measure.apply(now)) {
                events.publishEvent(new MeasureApplied(UUID.randomUUID(), now, caseId, measure.plannedBy(),
                        measure.id().toString(), measure.type().name(), measure.targetUrl(), rule(measure)));
            }
            if (measure.status() == Measure.Status.APPLIED) {
                inEffect++;
            }
        }
        return inEffect;
    }

    /** Ends a measure; screening nodes and enforcement adapters restore on {@link MeasureLifted}. */
    @Transactional
    public MeasureView lift(String measureId, String actor, String reason) {
        Measure measure = load(measureId);
        Instant now = clock.instant();
        if (measure.lift(now, actor, reason)) {
            events.publishEvent(new MeasureLifted(UUID.randomUUID(), now, measure.caseId(), actor,
                    measure.id().toString(), reason));
        }
        return view(measure);
    }

    @Transactional(readOnly = true)
    public List<MeasureView> forCase(String caseId) {
        return measures.findByCaseIdOrderByPlannedAt(caseId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public MeasureView find(String measureId) {
        return view(load(measureId));
    }

    private Measure load(String measureId) {
        try {
            return measures.findById(UUID.fromString(measureId))
                    .orElseThrow(() -> new MeasureNotFoundException(measureId));
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new MeasureNotFoundException(measureId);
        }
    }

    private MeasureView view(Measure m) {
        return new MeasureView(m.id().toString(), m.caseId(), m.type(), m.targetUrl(), rule(m), m.status().name(),
                m.appliedAt(), m.liftedAt());
    }

    private ScreeningRule rule(Measure measure) {
        try {
            return measure.rule() == null ? null : json.readValue(measure.rule(), ScreeningRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule of measure " + measure.id() + " is unreadable", e);
        }
    }

    private String write(ScreeningRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
