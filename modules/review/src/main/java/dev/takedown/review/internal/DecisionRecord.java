package dev.takedown.review.internal;

import dev.takedown.review.Decision;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "review_decision")
public class DecisionRecord {

    @Id
    private String id;

    private String caseId;
    private String taskId;
    private String kind;
    private String outcome;
    private String measures;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;

    protected DecisionRecord() {}

    public DecisionRecord(
            String id,
            String caseId,
            String taskId,
            String kind,
            String outcome,
            String measures,
            String reason,
            String decidedBy,
            Instant decidedAt) {
        this.kind = kind;
        this.id = id;
        this.caseId = caseId;
        this.taskId = taskId;
        this.outcome = outcome;
        this.measures = measures;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String outcome() {
        return outcome;
    }

    public Decision view() {
        List<String> list = measures == null || measures.isEmpty() ? List.of() : Arrays.asList(measures.split(","));
        return new Decision(id, caseId, taskId, kind, outcome, list, reason, decidedBy, decidedAt);
    }
}
