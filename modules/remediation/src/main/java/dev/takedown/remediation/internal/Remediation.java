package dev.takedown.remediation.internal;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationEscalated;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.RemediationWithdrawn;
import dev.takedown.events.TakedownEvent;
import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.VerificationOutcome;
import dev.takedown.remediation.WideningReview;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A case's model remediation (Generative AI Interim Measures Art. 14: optimise the model, report) as one aggregate:
 * its status, the owner's changes and the verifications by replay suite. Every move is a method that refuses what
 * the current status does not allow, and registers the past-tense fact it produced; the repository publishes those
 * facts when the aggregate is saved, inside the same transaction (the outbox).
 *
 * <pre>
 * open           → AWAITING_OWNER
 * change         AWAITING_OWNER → VERIFYING, or → AWAITING_APPROVAL when its terms widen a filter
 * approved       AWAITING_APPROVAL → VERIFYING        refused  AWAITING_APPROVAL → AWAITING_OWNER
 * passed         VERIFYING → VERIFIED                 failed   VERIFYING → AWAITING_OWNER
 * measures gone  any open status → WITHDRAWN
 * reopen         VERIFIED | WITHDRAWN → AWAITING_OWNER, after a replay that failed later than that
 * escalate       any open status, past due, once per opening
 * </pre>
 */
@Entity
@Table(name = "remediation")
public class Remediation extends AbstractAggregateRoot<Remediation> {

    /** {@code remediation.last_failure} holds 4000 characters; the full prompt list stays in the verification. */
    static final int MAX_FAILURE = 4000;

    @Id
    private UUID id;

    private String caseId;
    private String ownerId;

    @Enumerated(EnumType.STRING)
    private RemediationStatus status;

    private Instant openedAt;
    private Instant dueAt;
    private Instant escalatedAt;
    private Instant verifiedAt;
    private Instant withdrawnAt;
    private String lastFailure;

    @Version
    private long version;

    @OneToMany(mappedBy = "remediation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt ASC, id ASC")
    private List<RecordedChange> changes = new ArrayList<>();

    @OneToMany(mappedBy = "remediation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("checkedAt ASC, id ASC")
    private List<Verification> verifications = new ArrayList<>();

    protected Remediation() {}

    /**
     * Opens a remediation that waits for {@code ownerId}, due at {@code dueAt}.
     *
     * @param measureId the filter measure whose replay failed, or null (an accepted notice opened it)
     * @param failure   what failed, or null
     */
    public static Remediation open(
            String caseId, String ownerId, Instant now, Instant dueAt, String measureId, String failure) {
        Remediation remediation = new Remediation();
        remediation.id = UUID.randomUUID();
        remediation.caseId = caseId;
        remediation.ownerId = ownerId;
        remediation.status = RemediationStatus.AWAITING_OWNER;
        remediation.openedAt = now;
        remediation.dueAt = dueAt;
        remediation.lastFailure = bounded(failure);
        remediation.opened(now, measureId, failure);
        return remediation;
    }

    /**
     * A replay that ran after the remediation was verified or withdrawn failed again: it is the owner's turn once
     * more, with a new due date and the escalation re-armed. A replay from before that moment is the failure the
     * verification (or the withdrawal) already dealt with, so it cannot reopen anything.
     */
    public void reopen(
            String ownerId, Instant replayedAt, Instant now, Instant dueAt, String measureId, String failure) {
        if (!mayReopenAfter(replayedAt)) {
            throw refused("reopen after a replay of " + replayedAt);
        }
        this.ownerId = ownerId;
        status = RemediationStatus.AWAITING_OWNER;
        this.dueAt = dueAt;
        escalatedAt = null;
        verifiedAt = null;
        withdrawnAt = null;
        lastFailure = bounded(failure);
        opened(now, measureId, failure);
    }

    /** Whether a failed replay that ran at {@code replayedAt} reopens this remediation. */
    public boolean mayReopenAfter(Instant replayedAt) {
        Instant closedAt =
                switch (status) {
                    case VERIFIED -> verifiedAt;
                    case WITHDRAWN -> withdrawnAt;
                    default -> null;
                };
        return closedAt != null && replayedAt.isAfter(closedAt);
    }

    /**
     * The owner records what changed. Terms that would widen a filter measure wait for a moderator; anything else
     * goes to verification at once.
     */
    public RecordedChange recordChange(
            String filterVersion,
            String modelVersion,
            String description,
            List<String> addedTerms,
            boolean widens,
            String actor,
            Instant now) {
        require(RemediationStatus.AWAITING_OWNER, "record a change");
        if (widens && addedTerms.isEmpty()) {
            throw new IllegalArgumentException("a widening change adds terms");
        }
        RecordedChange change = new RecordedChange(
                this,
                filterVersion,
                modelVersion,
                description,
                addedTerms,
                widens ? WideningReview.PENDING : WideningReview.NONE,
                actor,
                now);
        changes.add(change);
        status = widens ? RemediationStatus.AWAITING_APPROVAL : RemediationStatus.VERIFYING;
        registerEvent(new RemediationChangeRecorded(
                UUID.randomUUID(),
                now,
                caseId,
                actor,
                id.toString(),
                change.getId().toString(),
                filterVersion,
                modelVersion,
                change.getAddedTerms(),
                widens));
        return change;
    }

    /** A moderator lets the change's terms widen the filters; the replay suites verify the wider filters. */
    public RecordedChange approveWidening(String moderator, String reason, Instant now) {
        require(RemediationStatus.AWAITING_APPROVAL, "approve a filter widening");
        RecordedChange change = latestChange();
        change.decideWidening(WideningReview.APPROVED, moderator, reason, now);
        status = RemediationStatus.VERIFYING;
        registerEvent(new FilterWideningDecided(
                UUID.randomUUID(),
                now,
                caseId,
                moderator,
                id.toString(),
                change.getId().toString(),
                change.getAddedTerms(),
                true,
                reason));
        return change;
    }

    /** A moderator refuses the widening: the owner gets the remediation back with the reason, nothing is applied. */
    public RecordedChange refuseWidening(String moderator, String reason, Instant now) {
        require(RemediationStatus.AWAITING_APPROVAL, "refuse a filter widening");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal tells the owner why");
        }
        RecordedChange change = latestChange();
        change.decideWidening(WideningReview.REFUSED, moderator, reason, now);
        status = RemediationStatus.AWAITING_OWNER;
        lastFailure = bounded("filter widening " + change.getAddedTerms() + " refused by " + moderator + ": " + reason);
        registerEvent(new FilterWideningDecided(
                UUID.randomUUID(),
                now,
                caseId,
                moderator,
                id.toString(),
                change.getId().toString(),
                change.getAddedTerms(),
                false,
                reason));
        return change;
    }

    /** Every prompt of every replay suite that ran after the change stayed blocked. */
    public Verification passVerification(List<String> measureIds, int passed, Instant replayedAt, Instant now) {
        require(RemediationStatus.VERIFYING, "pass a verification");
        Verification verification = new Verification(
                this,
                latestChange().getId(),
                VerificationOutcome.PASSED,
                measureIds,
                passed,
                List.of(),
                replayedAt,
                now);
        verifications.add(verification);
        status = RemediationStatus.VERIFIED;
        verifiedAt = now;
        lastFailure = null;
        registerEvent(new RemediationVerified(
                UUID.randomUUID(),
                now,
                caseId,
                TakedownEvent.SYSTEM,
                id.toString(),
                verification.getChangeId().toString(),
                verification.getMeasureIds(),
                passed,
                replayedAt));
        return verification;
    }

    /**
     * The change did not pass ({@link VerificationOutcome#FAILED}) or nothing can verify it ({@link
     * VerificationOutcome#NO_REPLAY_SUITE}): back to the owner with the reason.
     */
    public Verification failVerification(
            VerificationOutcome outcome,
            List<String> measureIds,
            int passed,
            List<String> failedPrompts,
            Instant replayedAt,
            String failure,
            Instant now) {
        if (outcome != VerificationOutcome.FAILED && outcome != VerificationOutcome.NO_REPLAY_SUITE) {
            throw new IllegalArgumentException("a failed verification is FAILED or NO_REPLAY_SUITE, not " + outcome);
        }
        require(RemediationStatus.VERIFYING, "fail a verification");
        Verification verification = new Verification(
                this, latestChange().getId(), outcome, measureIds, passed, failedPrompts, replayedAt, now);
        verifications.add(verification);
        status = RemediationStatus.AWAITING_OWNER;
        lastFailure = bounded(failure);
        registerEvent(new RemediationVerificationFailed(
                UUID.randomUUID(),
                now,
                caseId,
                TakedownEvent.SYSTEM,
                id.toString(),
                verification.getChangeId().toString(),
                outcome.name(),
                verification.getFailedPrompts(),
                lastFailure));
        return verification;
    }

    /** Every measure of the case was lifted: nothing is left to remedy. */
    public void withdraw(Instant now) {
        if (!status.isOpen()) {
            throw refused("withdraw");
        }
        status = RemediationStatus.WITHDRAWN;
        withdrawnAt = now;
        registerEvent(new RemediationWithdrawn(UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, id.toString()));
    }

    /** Past the due date and still open: {@code toGroup} is alerted, once per opening. */
    public void escalate(String toGroup, Instant now) {
        if (!status.isOpen() || escalatedAt != null || now.isBefore(dueAt)) {
            throw refused("escalate at " + now + (escalatedAt == null ? "" : " (escalated " + escalatedAt + ")"));
        }
        escalatedAt = now;
        registerEvent(new RemediationEscalated(
                UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, id.toString(), toGroup, dueAt));
    }

    /** The change the remediation is about now. */
    public RecordedChange latestChange() {
        if (changes.isEmpty()) {
            throw refused("act on a change");
        }
        return changes.get(changes.size() - 1);
    }

    private void opened(Instant now, String measureId, String failure) {
        registerEvent(new RemediationOpened(
                UUID.randomUUID(),
                now,
                caseId,
                TakedownEvent.SYSTEM,
                id.toString(),
                ownerId,
                dueAt,
                measureId,
                bounded(failure)));
    }

    private void require(RemediationStatus expected, String move) {
        if (status != expected) {
            throw refused(move);
        }
    }

    private RemediationConflictException refused(String move) {
        return new RemediationConflictException("remediation " + id + " is " + status + ": cannot " + move);
    }

    private static String bounded(String failure) {
        return failure == null ? null : failure.substring(0, Math.min(failure.length(), MAX_FAILURE));
    }

    public UUID getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public RemediationStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getLastFailure() {
        return lastFailure;
    }

    public List<RecordedChange> getChanges() {
        return Collections.unmodifiableList(changes);
    }

    public List<Verification> getVerifications() {
        return Collections.unmodifiableList(verifications);
    }
}
