package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * A decision as the task API answers it: who decided what, when and why. The case stores it; {@code outcome} is the
 * verdict, named as the request named it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Decision(
        String decisionId,
        String caseId,
        String taskId,
        DecisionKind kind,
        Verdict outcome,
        List<String> measures,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    static Decision of(CaseDecision decision) {
        return new Decision(
                decision.decisionId(),
                decision.caseId(),
                decision.taskId(),
                decision.kind(),
                decision.verdict(),
                decision.measures(),
                decision.reason(),
                decision.decidedBy(),
                decision.decidedAt());
    }
}
