package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A decision on a case, as the case stores it: who decided what in which review task, when and why.
 *
 * @param measures the measure types ordered (names from the measures catalogue); empty unless measures were ordered
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseDecision(
        String decisionId,
        String caseId,
        String taskId,
        DecisionKind kind,
        Verdict verdict,
        List<String> measures,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    public CaseDecision {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
