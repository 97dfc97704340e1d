package dev.takedown.remediation.internal;

import dev.takedown.remediation.VerificationOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One verification of a change by the replay suites, part of its {@link Remediation}; never changed once stored. */
@Entity
@Table(name = "remediation_verification")
public class Verification {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remediation_id")
    private Remediation remediation;

    private UUID changeId;

    @Enumerated(EnumType.STRING)
    private VerificationOutcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> measureIds;

    private int passed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> failedPrompts;

    private Instant replayedAt;
    private Instant checkedAt;

    protected Verification() {}

    Verification(
            Remediation remediation,
            UUID changeId,
            VerificationOutcome outcome,
            List<String> measureIds,
            int passed,
            List<String> failedPrompts,
            Instant replayedAt,
            Instant checkedAt) {
        this.id = UUID.randomUUID();
        this.remediation = remediation;
        this.changeId = changeId;
        this.outcome = outcome;
        this.measureIds = List.copyOf(measureIds);
        this.passed = passed;
        this.failedPrompts = List.copyOf(failedPrompts);
        this.replayedAt = replayedAt;
        this.checkedAt = checkedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getChangeId() {
        return changeId;
    }

    public VerificationOutcome getOutcome() {
        return outcome;
    }

    public List<String> getMeasureIds() {
        return measureIds == null ? List.of() : List.copyOf(measureIds);
    }

    public int getPassed() {
        return passed;
    }

    public List<String> getFailedPrompts() {
        return failedPrompts == null ? List.of() : List.copyOf(failedPrompts);
    }

    public Instant getReplayedAt() {
        return replayedAt;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
