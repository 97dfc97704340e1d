package dev.takedown.measures.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.SimilarUploads;
import dev.takedown.measures.ExplicitLabel;
import dev.takedown.measures.MeasureScope;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "measure")
public class Measure {

    @Id
    private UUID id;

    private String caseId;
    private String decisionId;

    @Enumerated(EnumType.STRING)
    private MeasureType type;

    private String targetUrl;
    private String accountId;
    private String fileSha256;
    private String modelName;

    @Enumerated(EnumType.STRING)
    private SimilarUploads similarUploads;

    private boolean intentional;

    /** The account's standing change (a suspension or termination) this measure carries out; null: a decision's. */
    private String standingChangeId;

    /** The standing change that ended it (a reinstatement, an early lift, a reversal); null otherwise. */
    private String endedByChangeId;

    @Enumerated(EnumType.STRING)
    private ExplicitLabel explicitLabel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String rule;

    /** Comma-separated ISO 3166-1 alpha-2 codes; null = worldwide. */
    private String countries;

    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    private MeasureStatus status;

    private String plannedBy;
    private Instant plannedAt;
    private Instant appliedAt;
    private Instant liftedAt;
    private String liftedBy;
    private String liftReason;

    @Enumerated(EnumType.STRING)
    private LiftCause liftCause;

    /** Grows with every change of the row; the measure's records carry it so that consumers drop older ones. */
    @Version
    private long version;

    /** The id of the last record published about this measure, so that it can be sent again unchanged. */
    private UUID lastEventId;

    protected Measure() {}

    public Measure(
            UUID id,
            String caseId,
            String decisionId,
            MeasureType type,
            String targetUrl,
            String accountId,
            String rule,
            String plannedBy,
            Instant plannedAt) {
        this.accountId = accountId;
        this.id = id;
        this.caseId = caseId;
        this.decisionId = decisionId;
        this.type = type;
        this.targetUrl = targetUrl;
        this.rule = rule;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.status = MeasureStatus.PLANNED;
    }

    /** A moderator found the uploader acted intentionally (DSA Art. 23(3)(d)). */
    public Measure intentional(boolean found) {
        this.intentional = found;
        return this;
    }

    public boolean isIntentional() {
        return intentional;
    }

    /** The measure carries out the account's standing change {@code changeId} rather than a decision on the case. */
    public Measure carryingOut(String changeId) {
        this.standingChangeId = changeId;
        return this;
    }

    public String getStandingChangeId() {
        return standingChangeId;
    }

    /** The account's standing change {@code changeId} ends the restriction this measure carries out. */
    public Measure endedBy(String changeId) {
        this.endedByChangeId = changeId;
        return this;
    }

    public String getEndedByChangeId() {
        return endedByChangeId;
    }

    /** Whether a decision on the case imposed it (a moderator's), not the account's standing. */
    public boolean isDecided() {
        return standingChangeId == null;
    }

    public Measure withFileSha256(String sha256) {
        this.fileSha256 = sha256;
        return this;
    }

    public String fileSha256() {
        return fileSha256;
    }

    public Measure withExplicitLabel(ExplicitLabel label) {
        this.explicitLabel = label;
        return this;
    }

    public ExplicitLabel explicitLabel() {
        return explicitLabel;
    }

    public Measure withScope(MeasureScope scope) {
        this.countries = scope.worldwide() ? null : String.join(",", scope.countries());
        this.endsOn = scope.endsOn();
        return this;
    }

    public MeasureScope scope() {
        return new MeasureScope(countries == null ? null : Arrays.asList(countries.split(",")), endsOn);
    }

    /** What screening answers for an upload resembling the blocked file named {@code modelName}. */
    public Measure withSimilarUploads(String modelName, SimilarUploads similarUploads) {
        this.modelName = modelName;
        this.similarUploads = similarUploads;
        return this;
    }

    public String modelName() {
        return modelName;
    }

    public SimilarUploads similarUploads() {
        return similarUploads;
    }

    /**
     * True when this call put the measure into effect, false when it already was (or was lifted since).
     *
     * @param eventId the id of the record that will tell the others
     */
    public boolean apply(Instant at, UUID eventId) {
        if (status != MeasureStatus.PLANNED) {
            return false;
        }
        status = MeasureStatus.APPLIED;
        appliedAt = at;
        lastEventId = eventId;
        return true;
    }

    /** True when this call lifted the measure; lifting twice changes nothing. */
    public boolean lift(Instant at, String actor, LiftCause cause, String reason, UUID eventId) {
        if (status == MeasureStatus.LIFTED) {
            return false;
        }
        status = MeasureStatus.LIFTED;
        liftedAt = at;
        liftedBy = actor;
        liftCause = cause;
        liftReason = reason;
        lastEventId = eventId;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getDecisionId() {
        return decisionId;
    }

    public MeasureType getType() {
        return type;
    }

    public String getTargetUrl() {
        return targetUrl;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getRule() {
        return rule;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public MeasureStatus getStatus() {
        return status;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public LiftCause getLiftCause() {
        return liftCause;
    }

    /** The version of the last change, once it is flushed. */
    public long getVersion() {
        return version;
    }

    public UUID getLastEventId() {
        return lastEventId;
    }
}
