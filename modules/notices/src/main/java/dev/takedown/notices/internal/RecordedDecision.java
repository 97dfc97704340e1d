package dev.takedown.notices.internal;

import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.Verdict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A decision on the case, stored once with the case it decides. */
@Entity
@Table(name = "case_decision")
public class RecordedDecision {

    @Id
    private UUID id;

    private String taskId;

    @Enumerated(EnumType.STRING)
    private DecisionKind kind;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    private String measures;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;

    protected RecordedDecision() {}

    RecordedDecision(
            UUID id,
            String taskId,
            Verdict verdict,
            List<String> measures,
            String reason,
            String decidedBy,
            Instant decidedAt) {
        this.id = id;
        this.taskId = taskId;
        this.kind = verdict.kind();
        this.verdict = verdict;
        this.measures = measures.isEmpty() ? null : String.join(",", measures);
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public UUID getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public List<String> getMeasures() {
        return measures == null || measures.isEmpty() ? List.of() : Arrays.asList(measures.split(","));
    }

    public String getReason() {
        return reason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
