package dev.takedown.measures;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.ScreeningRule;
import java.time.Instant;

/** A measure: on one target, or (filters) on every generation request matching its rule. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MeasureView(
        String measureId,
        String caseId,
        MeasureType type,
        String targetUrl,
        ScreeningRule rule,
        MeasureStatus status,
        Instant appliedAt,
        Instant liftedAt) {}
