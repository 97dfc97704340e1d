package dev.takedown.measures.internal;

import dev.takedown.measures.MeasureType;
import dev.takedown.measures.MeasureView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "measure")
public class Measure {

    public enum Status { PLANNED, APPLIED }

    @Id
    private UUID id;
    private String caseId;
    private String decisionId;
    @Enumerated(EnumType.STRING)
    private MeasureType type;
    private String targetUrl;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String plannedBy;
    private Instant plannedAt;
    private Instant appliedAt;
    @Version
    private long version;

    protected Measure() {
    }

    public Measure(UUID id, String caseId, String decisionId, MeasureType type, String targetUrl, String plannedBy,
            Instant plannedAt) {
        this.id = id;
        this.caseId = caseId;
        this.decisionId = decisionId;
        this.type = type;
        this.targetUrl = targetUrl;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.status = Status.PLANNED;
    }

    /** True when this call put the measure into effect, false when it already was. */
    public boolean apply(Instant at) {
        if (status == Status.APPLIED) {
            return false;
        }
        status = Status.APPLIED;
        appliedAt = at;
        return true;
    }

    public UUID id() {
        return id;
    }

    public MeasureType type() {
        return type;
    }

    public String targetUrl() {
        return targetUrl;
    }

    public String plannedBy() {
        return plannedBy;
    }

    public MeasureView view() {
        return new MeasureView(id.toString(), caseId, type, targetUrl, status.name(), appliedAt);
    }
}
