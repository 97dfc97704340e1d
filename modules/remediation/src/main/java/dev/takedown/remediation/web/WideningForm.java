package dev.takedown.remediation.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import java.util.ArrayList;
import java.util.List;

/** A moderator's decision on a filter widening: {@code APPROVE} or {@code REFUSE}, a refusal with the reason. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record WideningForm(String outcome, String reason) {

    static final int MAX_REASON = 2000;

    /** Field → problem; empty when the decision can be taken. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == null || (!outcome.equals("APPROVE") && !outcome.equals("REFUSE"))) {
            problems.add(new FieldProblem("outcome", "APPROVE or REFUSE"));
        } else if (!approve() && (reason == null || reason.isBlank())) {
            problems.add(new FieldProblem("reason", "a refusal tells the model owner why"));
        }
        TextBounds.requireWithin("reason", reason, MAX_REASON, problems);
        return problems;
    }

    boolean approve() {
        return "APPROVE".equals(outcome);
    }

    String reasonOrNull() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
