package dev.takedown.remediation.internal;

import dev.takedown.remediation.WideningReview;
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

/** One change the model owner recorded, part of its {@link Remediation}; changed only through it. */
@Entity
@Table(name = "remediation_change")
public class RecordedChange {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remediation_id")
    private Remediation remediation;

    private String filterVersion;
    private String modelVersion;
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> addedTerms;

    private String recordedBy;
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    private WideningReview widening;

    private String wideningDecidedBy;
    private Instant wideningDecidedAt;
    private String wideningReason;

    protected RecordedChange() {}

    RecordedChange(
            Remediation remediation,
            String filterVersion,
            String modelVersion,
            String description,
            List<String> addedTerms,
            WideningReview widening,
            String recordedBy,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.remediation = remediation;
        this.filterVersion = filterVersion;
        this.modelVersion = modelVersion;
        this.description = description;
        this.addedTerms = List.copyOf(addedTerms);
        this.widening = widening;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void decideWidening(WideningReview decision, String moderator, String reason, Instant at) {
        widening = decision;
        wideningDecidedBy = moderator;
        wideningDecidedAt = at;
        wideningReason = reason;
    }

    /** When the change took effect: its approval for a widening (the wider filter exists only from then on). */
    public Instant effectiveAt() {
        return widening == WideningReview.APPROVED ? wideningDecidedAt : recordedAt;
    }

    public UUID getId() {
        return id;
    }

    public String getFilterVersion() {
        return filterVersion;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getAddedTerms() {
        return addedTerms == null ? List.of() : List.copyOf(addedTerms);
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public WideningReview getWidening() {
        return widening;
    }

    public String getWideningDecidedBy() {
        return wideningDecidedBy;
    }

    public Instant getWideningDecidedAt() {
        return wideningDecidedAt;
    }

    public String getWideningReason() {
        return wideningReason;
    }
}
