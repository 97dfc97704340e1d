package dev.takedown.notices.internal;

import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.TargetUrl;
import dev.takedown.notices.Verdict;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * The notice aggregate: what was filed, by whom, the case status it is in, its history and the decisions taken on it.
 * Only {@code CaseLifecycle} calls the methods that change it (ModularityTest checks).
 */
@Entity
@Table(name = "notice")
public class Notice {

    /** Decisions in the order they were taken; a case has at most one of each kind, in this order. */
    private static final Comparator<RecordedDecision> TAKEN =
            Comparator.comparing(RecordedDecision::getDecidedAt).thenComparing(RecordedDecision::getKind);

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

    /** The case whose restoration after a counter-notice bars this notice (2013 Regulations Art. 17). */
    private UUID barredByCaseId;

    private Instant notifiedAt;
    private String notifierParty;
    private String notifierType;
    private String claimedStatus;
    private String registryEntry;

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

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id", nullable = false)
    private List<RecordedDecision> decisions = new ArrayList<>();

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

    /**
     * Stores the targets of {@code submission} that can be acted on: an absolute http(s) URL and a known type (none
     * given means a URL). The others stay in the notice's body, where validation names them.
     */
    public void addTargetsOf(NoticeSubmission submission) {
        for (int i = 0; i < submission.targets().size(); i++) {
            NoticeSubmission.Target target = submission.targets().get(i);
            if (target == null || target.url() == null || !TargetUrl.isValid(target.url())) {
                continue;
            }
            int position = i;
            (target.type() == null ? Optional.of(TargetType.URL) : TargetType.parse(target.type()))
                    .ifPresent(type ->
                            targets.add(new NoticeTarget(position, type, TargetUrl.canonical(target.url()), target)));
        }
    }

    /**
     * Who filed it, as standing counts it (an organisation, or a logged-out notifier's confirmed address), and the
     * status it holds after the registries were checked: its type, a status it claimed in vain, the registry entry
     * that confirmed one. Set once, at intake.
     */
    public void identify(String party, String type, String claimedInVain, String entry) {
        this.notifierParty = party;
        this.notifierType = type;
        this.claimedStatus = claimedInVain;
        this.registryEntry = entry;
    }

    /**
     * The notifier notified again content restored after a counter-notice in {@code restoredCase} (2013 Regulations
     * Art. 17): recorded, not processed.
     */
    public void bar(UUID restoredCase, String note, Instant at) {
        barredByCaseId = restoredCase;
        moveTo(CaseStatus.LOGGED_NOT_PROCESSED, submittedBy, note, at);
    }

    public UUID getBarredByCaseId() {
        return barredByCaseId;
    }

    /** A notice on a target that already has an open case joins that case instead of opening another. */
    public void join(UUID caseId, String note, Instant at) {
        joinedCaseId = caseId;
        moveTo(CaseStatus.JOINED, submittedBy, note, at);
    }

    /** The notifier completed the notice during its cure period: the new content replaces the old. */
    public void cure(NoticeSubmission completed, String newBody, String newHash, String actor, Instant at) {
        body = newBody;
        requestHash = newHash;
        targets.clear();
        addTargetsOf(completed);
        history.add(new NoticeHistoryEntry(CaseStatus.INCOMPLETE_CURE, actor, "notice completed", at));
    }

    /** Records a decision on the case; the caller checked that its task was not decided yet. */
    public RecordedDecision decide(
            String taskId, Verdict verdict, List<String> measures, String reason, String actor, Instant at) {
        RecordedDecision decision =
                new RecordedDecision(UUID.randomUUID(), taskId, verdict, List.copyOf(measures), reason, actor, at);
        decisions.add(decision);
        return decision;
    }

    /** The decision already taken in this task, if any: a retried decision changes nothing. */
    public Optional<RecordedDecision> decisionIn(String taskId, DecisionKind kind) {
        return decisions.stream()
                .filter(d -> d.getKind() == kind && d.getTaskId().equals(taskId))
                .findFirst();
    }

    /** What the decisions came to, if anything was decided: each verdict changes the outcome before it. */
    public Optional<CaseOutcome> outcome() {
        CaseOutcome outcome = null;
        for (RecordedDecision decision : getDecisions()) {
            outcome = decision.getVerdict().outcomeAfter(outcome);
        }
        return Optional.ofNullable(outcome);
    }

    /** The decision whose verdict set the outcome: its measures and reasons are the ones the parties are told. */
    public Optional<RecordedDecision> effectiveDecision() {
        List<RecordedDecision> taken = getDecisions();
        for (int i = taken.size() - 1; i >= 0; i--) {
            if (taken.get(i).getVerdict().decidesOutcome()) {
                return Optional.of(taken.get(i));
            }
        }
        return Optional.empty();
    }

    public void markNotified(Instant at) {
        notifiedAt = at;
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
        return getProfiles().stream()
                .map(JurisdictionProfile::byName)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(JurisdictionProfile.DEFAULT);
    }

    public UUID getId() {
        return id;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getChannel() {
        return channel;
    }

    public List<String> getProfiles() {
        return profiles == null || profiles.isEmpty() ? List.of() : Arrays.asList(profiles.split(","));
    }

    public CaseStatus getStatus() {
        return status;
    }

    public String getNotifierName() {
        return notifierName;
    }

    public String getNotifierEmail() {
        return notifierEmail;
    }

    public String getWorkTitle() {
        return workTitle;
    }

    public String getBody() {
        return body;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public UUID getJoinedCaseId() {
        return joinedCaseId;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    /** The notifier's identity for its standing: its organisation, or {@code email:<keyed hash>} when logged out. */
    public String getNotifierParty() {
        return notifierParty == null ? organisationId : notifierParty;
    }

    /** The notifier type after the registries were checked; null on notices from before they were. */
    public String getNotifierType() {
        return notifierType;
    }

    /** A status the notifier claimed that no registry entry confirmed; null otherwise. */
    public String getClaimedStatus() {
        return claimedStatus;
    }

    public String getRegistryEntry() {
        return registryEntry;
    }

    public List<NoticeTarget> getTargets() {
        return targets;
    }

    public List<NoticeHistoryEntry> getHistory() {
        return history;
    }

    /** In the order they were taken. */
    public List<RecordedDecision> getDecisions() {
        return decisions.stream().sorted(TAKEN).toList();
    }
}
