package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A recorded decision: who decided what, when and why. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Decision(
        String decisionId,
        String caseId,
        String taskId,
        String kind,
        String outcome,
        List<String> measures,
        String reason,
        String decidedBy,
        Instant decidedAt) {}
