package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeSubmission;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/** The notice aggregate: what was filed, by whom, and the case status it is in. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    private UUID id;

    private String organisationId;
    private String submittedBy;
    private String channel;
    private String profiles;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private String notifierName;
    private String notifierEmail;
    private String workTitle;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String body;

    private Instant receivedAt;
    private String idempotencyKey;
    private String requestHash;
    private UUID joinedCaseId;
    private Instant notifiedAt;
    private String outcome;
    private String decidedBy;
    private String decisionMeasures;
    private String decisionReason;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false)
    @OrderBy("position")
    private List<NoticeTarget> targets = new ArrayList<>();

    // a history entry is only ever appended (its own row): a note written by another module's fact after its
    // commit (RemediationHistory) must not make a concurrent status change of the case fail as stale
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<NoticeHistoryEntry> history = new ArrayList<>();

    protected Notice() {}

    public Notice(
            UUID id,
            String organisationId,
            String submittedBy,
            String channel,
            List<String> profiles,
            String notifierName,
            String notifierEmail,
            String workTitle,
            String body,
            Instant receivedAt,
            String idempotencyKey,
            String requestHash) {
        this.id = id;
        this.organisationId = organisationId;
        this.submittedBy = submittedBy;
        this.channel = channel;
        this.profiles = String.join(",", profiles);
        this.notifierName = notifierName;
        this.notifierEmail = notifierEmail;
        this.workTitle = workTitle;
        this.body = body;
        this.receivedAt = receivedAt;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = CaseStatus.RECEIVED;
        this.history.add(new NoticeHistoryEntry(CaseStatus.RECEIVED, submittedBy, "via " + channel, receivedAt));
    }

    public void addTarget(int position, String type, String url, NoticeSubmission.Target target) {
        targets.add(new NoticeTarget(position, type, url, target));
    }

    /** A notice on a target that already has an open case joins that case instead of opening another. */
    public void join(UUID caseId, Instant at) {
        joinedCaseId = caseId;
        moveTo(CaseStatus.JOINED, submittedBy, "joins open case " + caseId + " on the same target", at);
    }

    /** The notifier completed the notice during its cure period: the new content replaces the old. */
    public void cure(String newBody, String newHash, String actor, Instant at) {
        body = newBody;
        requestHash = newHash;
        targets.clear();
        history.add(new NoticeHistoryEntry(CaseStatus.INCOMPLETE_CURE, actor, "notice completed", at));
    }

    public void recordDecision(boolean accepted, String actor, List<String> measures, String reason) {
        outcome = accepted ? "ACTION_TAKEN" : "NO_ACTION";
        decidedBy = actor;
        decisionMeasures = String.join(",", measures);
        decisionReason = reason;
    }

    public void markNotified(Instant at) {
        notifiedAt = at;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public List<String> decisionMeasures() {
        return decisionMeasures == null || decisionMeasures.isEmpty()
                ? List.of()
                : Arrays.asList(decisionMeasures.split(","));
    }

    public String decisionReason() {
        return decisionReason;
    }

    /** Moves the case on; a repeated transition (a retried delegate, a redelivered event) changes nothing. */
    public boolean moveTo(CaseStatus next, String actor, String note, Instant at) {
        if (status == next) {
            return false;
        }
        status = next;
        history.add(new NoticeHistoryEntry(next, actor, note, at));
        return true;
    }

    /** A fact on the case's history that does not change its status. */
    public void note(String actor, String note, Instant at) {
        history.add(new NoticeHistoryEntry(status, actor, note, at));
    }

    /** The first profile the notice names governs its timers and texts. */
    public JurisdictionProfile governingProfile() {
        return profiles().stream()
                .map(JurisdictionProfile::byName)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(JurisdictionProfile.DEFAULT);
    }

    public UUID id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String channel() {
        return channel;
    }

    public List<String> profiles() {
        return profiles == null || profiles.isEmpty() ? List.of() : Arrays.asList(profiles.split(","));
    }

    public CaseStatus status() {
        return status;
    }

    public String notifierName() {
        return notifierName;
    }

    public String notifierEmail() {
        return notifierEmail;
    }

    public String workTitle() {
        return workTitle;
    }

    public String body() {
        return body;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String requestHash() {
        return requestHash;
    }

    public UUID joinedCaseId() {
        return joinedCaseId;
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public String outcome() {
        return outcome;
    }

    public List<NoticeTarget> targets() {
        return targets;
    }

    public List<NoticeHistoryEntry> history() {
        return history;
    }
}
