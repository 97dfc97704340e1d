package dev.takedown.remediation;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.kernel.Caller;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.TargetType;
import dev.takedown.remediation.internal.BenignCorpus;
import dev.takedown.remediation.internal.RecordedChange;
import dev.takedown.remediation.internal.Remediation;
import dev.takedown.remediation.internal.RemediationMapper;
import dev.takedown.remediation.internal.RemediationRepository;
import dev.takedown.screening.ReplayResult;
import dev.takedown.screening.Screening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model remediation, the application service over the {@link Remediation} aggregate. An accepted notice on generated
 * output, a prompt pattern, a model or a LoRA opens one, and so does a filter measure's replay suite that fails; it
 * belongs to the owner of the model or service the case names ({@link RemediationSettings.Owners}). The owner records
 * what changed; added terms that would widen a filter are weighed against the benign prompt corpus and then wait for
 * a moderator's approval; verification reads the latest replay of each applied filter measure's suite that ran after
 * the change and passes only when every prompt of every suite is blocked.
 *
 * <p>A case without any applied filter measure carrying a replay suite cannot be verified: each verification fails
 * with {@link VerificationOutcome#NO_REPLAY_SUITE}, so the remediation stays open and escalates when due. Checking a
 * model change needs prompts that must stay blocked; "trust the owner" is not verification.
 *
 * <p>Who may do what: the owner's {@code PLATFORM_SERVICE} credentials (their organisation is the owner) list, read
 * and change their remediations; moderators and senior moderators decide widenings; staff read every remediation.
 * Anyone else finds none: another owner's remediation is a {@link RemediationNotFoundException}, like a case of
 * another organisation.
 */
@Service
@EnableConfigurationProperties(RemediationSettings.class)
public class Remediations {

    /** Target types whose accepted notice obliges the provider to optimise the model (Interim Measures Art. 14). */
    public static final Set<TargetType> MODEL_TARGETS =
            Set.of(TargetType.GENERATED_OUTPUT, TargetType.PROMPT_PATTERN, TargetType.MODEL, TargetType.LORA);
    /** Who is alerted when a remediation is overdue. */
    public static final String ESCALATION_GROUP = "COMPLIANCE_OFFICER";
    /** Who is alerted when a widening waits too long for a moderator. */
    public static final String WIDENING_ESCALATION_GROUP = "SENIOR_MODERATOR";

    private static final String OWNER_ROLE = "PLATFORM_SERVICE";
    private static final Set<String> MODERATORS = Set.of("MODERATOR", "SENIOR_MODERATOR");

    /** What the lifecycle finds when it is about to close the case. */
    public enum CloseGate {
        NONE,
        PENDING,
        VERIFIED
    }

    private final RemediationRepository remediations;
    private final RemediationMapper mapper;
    private final BenignCorpus corpus;
    private final NoticeCases cases;
    private final Measures measures;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final RemediationSettings settings;
    private final int timeCompression;
    private final int reviewTimeCompression;
    private final Clock clock;

    Remediations(
            RemediationRepository remediations,
            RemediationMapper mapper,
            BenignCorpus corpus,
            NoticeCases cases,
            Measures measures,
            Screening screening,
            ApplicationEventPublisher events,
            RemediationSettings settings,
            @Value("${takedown.time-compression:1}") int timeCompression,
            @Value("${takedown.review.time-compression:1}") int reviewTimeCompression,
            Clock clock) {
        this.remediations = remediations;
        this.mapper = mapper;
        this.corpus = corpus;
        this.cases = cases;
        this.measures = measures;
        this.screening = screening;
        this.events = events;
        this.settings = settings;
        this.timeCompression = Math.max(1, timeCompression);
        this.reviewTimeCompression = Math.max(1, reviewTimeCompression);
        this.clock = clock;
    }

    /** Whether the case's accepted notice targets a model's output or the model itself and measures are in effect. */
    @Transactional(readOnly = true)
    public boolean required(String caseId) {
        return cases.targets(caseId).stream().anyMatch(t -> MODEL_TARGETS.contains(t.type()))
                && measures.forCase(caseId).stream().anyMatch(Remediations::applied);
    }

    /**
     * Opens the case's remediation for an accepted notice on a model target, once: a retried job, or a case whose
     * failed replay opened one first, finds it and opens nothing. Publishes {@code RemediationOpened} when it opens.
     */
    @Transactional
    public RemediationView open(String caseId) {
        remediations.lockCase(lockKey(caseId));
        Optional<Remediation> existing = remediations.findByCaseId(caseId);
        if (existing.isPresent()) {
            return mapper.view(existing.get());
        }
        Instant now = clock.instant();
        return mapper.view(remediations.save(Remediation.open(caseId, ownerOf(caseId), now, dueFrom(now), null, null)));
    }

    /**
     * A filter measure's replay suite failed on screening node {@code node}: the case gets a model remediation — a
     * new one, or its verified or withdrawn one reopened if the replay ran after that — unless one is open already.
     * Every node replays and reports, after every index change, so this is called many times for one failure; the
     * case lock lets only the first call change anything. Reports about a measure no longer applied are ignored.
     * Returns whether a remediation was opened.
     */
    @Transactional
    public boolean openForFailedReplay(
            String caseId, String measureId, int failedPrompts, String node, Instant replayedAt) {
        if (measures.forCase(caseId).stream().noneMatch(m -> m.measureId().equals(measureId) && applied(m))) {
            return false;
        }
        remediations.lockCase(lockKey(caseId));
        Optional<Remediation> existing = remediations.findByCaseId(caseId);
        if (existing.isPresent() && !existing.get().mayReopenAfter(replayedAt)) {
            return false;
        }
        Instant now = clock.instant();
        ReplayResult local = screening.replayResults().get(measureId);
        String failure = "the replay suite of measure " + measureId + " failed on screening node " + node + ": "
                + failedPrompts + " prompt(s) no longer blocked"
                + (local == null || local.failedPrompts().isEmpty()
                        ? ""
                        : ": " + String.join(" | ", local.failedPrompts()));
        String owner = ownerOf(caseId);
        if (existing.isPresent()) {
            existing.get().reopen(owner, replayedAt, now, dueFrom(now), measureId, failure);
            remediations.save(existing.get());
        } else {
            remediations.save(Remediation.open(caseId, owner, now, dueFrom(now), measureId, failure));
        }
        return true;
    }

    /** The case's remediation, for the workflow and the regulator report (no caller: not for the API). */
    @Transactional(readOnly = true)
    public Optional<RemediationView> forCase(String caseId) {
        return remediations.findByCaseId(caseId).map(mapper::view);
    }

    /** The remediation if {@code caller} may read it: its owner, or staff. */
    @Transactional(readOnly = true)
    public RemediationView find(String remediationId, Caller caller) {
        return mapper.view(readable(remediationId, caller));
    }

    /** The remediation with its changes and verifications, if {@code caller} may read it. */
    @Transactional(readOnly = true)
    public RemediationDetails details(String remediationId, Caller caller) {
        return mapper.details(readable(remediationId, caller));
    }

    /**
     * The remediations {@code caller} may read in {@code status}, or every open one when it is null; the most urgent
     * first. An owner sees its own, staff see all, anyone else none.
     */
    @Transactional(readOnly = true)
    public List<RemediationView> list(RemediationStatus status, Caller caller) {
        Set<RemediationStatus> statuses = status == null ? RemediationStatus.OPEN : Set.of(status);
        List<Remediation> found;
        if (caller.isStaff()) {
            found = remediations.findByStatusInOrderByDueAt(statuses);
        } else if (OWNER_ROLE.equals(caller.role()) && caller.organisationId() != null) {
            found = remediations.findByOwnerIdAndStatusInOrderByDueAt(caller.organisationId(), statuses);
        } else {
            found = List.of();
        }
        return found.stream().map(mapper::view).toList();
    }

    /** When the overdue timer fires: the due date, which the demo's time compression shortened at opening. */
    @Transactional(readOnly = true)
    public Date dueTimer(String caseId) {
        return Date.from(remediations
                .findByCaseId(caseId)
                .orElseThrow(() -> new RemediationNotFoundException(caseId))
                .getDueAt());
    }

    /** ISO-8601 duration the process waits before looking again for a replay that ran after the change. */
    public String replayWait() {
        return settings.replayWait().toString();
    }

    /** Due date of a moderator's review of a widening, from now (shortened like the review SLAs in the demo). */
    public Date wideningReviewDue() {
        return Date.from(clock.instant().plus(wideningReview()));
    }

    /** ISO-8601 duration after which an undecided widening alerts the senior moderators: its due date. */
    public String wideningReviewWait() {
        return wideningReview().toString();
    }

    private Duration wideningReview() {
        return settings.wideningReviewDue().dividedBy(reviewTimeCompression);
    }

    /**
     * Records what the owner changed. Each added term is first weighed against the benign prompt corpus: one that
     * blocks more than {@code max-benign-block-share} of it is refused ({@link TermsTooBroadException}) and nothing is
     * recorded. Terms that would widen a filter measure then wait for a moderator ({@link #decideWidening}); without
     * them the suites are replayed as they are, since the model itself changed.
     *
     * @throws RemediationNotFoundException the caller is not the remediation's owner
     * @throws RemediationConflictException the remediation is not waiting for the owner
     */
    @Transactional
    public RemediationChange recordChange(
            String remediationId,
            String filterVersion,
            String modelVersion,
            String description,
            List<String> addedTerms,
            Caller caller) {
        Remediation remediation = owned(remediationId, caller);
        List<String> terms = List.copyOf(new LinkedHashSet<>(addedTerms == null ? List.of() : addedTerms));
        refuseTooBroad(addedTerms == null ? List.of() : addedTerms);
        boolean widens = widens(remediation.getCaseId(), terms);
        RecordedChange change = remediation.recordChange(
                filterVersion, modelVersion, description, terms, widens, caller.actor(), clock.instant());
        remediations.save(remediation);
        if (!widens) {
            screening.replayNow();
        }
        return mapper.change(change);
    }

    /**
     * A moderator approves or refuses the widening the owner asked for. Approved, the case's filter measures are
     * replaced by wider ones ({@link Measures#widenFilters}) and verification follows; refused, nothing is applied and
     * the remediation goes back to the owner with the reason.
     *
     * @throws RemediationNotFoundException the caller is not a moderator, or there is no such remediation
     * @throws RemediationConflictException no widening waits for a decision
     */
    @Transactional
    public RemediationChange decideWidening(String remediationId, boolean approve, String reason, Caller caller) {
        if (!MODERATORS.contains(caller.role())) {
            throw new RemediationNotFoundException(remediationId);
        }
        Remediation remediation = remediations
                .lockById(uuid(remediationId))
                .orElseThrow(() -> new RemediationNotFoundException(remediationId));
        Instant now = clock.instant();
        RecordedChange change = approve
                ? remediation.approveWidening(caller.actor(), reason, now)
                : remediation.refuseWidening(caller.actor(), reason, now);
        remediations.save(remediation);
        if (approve) {
            measures.widenFilters(remediation.getCaseId(), change.getAddedTerms(), caller.actor());
        }
        return mapper.change(change);
    }

    /**
     * Verifies the latest change against the replay of every applied filter measure with a suite. PENDING (nothing
     * stored) until each of them was replayed after the change took effect; PASSED marks the remediation verified;
     * FAILED and NO_REPLAY_SUITE hand it back to the owner with the reason. A remediation no longer verifying (it was
     * withdrawn meanwhile) is PENDING too: the withdrawal ends its process.
     */
    @Transactional
    public VerificationOutcome verify(String caseId) {
        Remediation remediation =
                remediations.lockByCaseId(caseId).orElseThrow(() -> new RemediationNotFoundException(caseId));
        if (remediation.getStatus() == RemediationStatus.VERIFIED) {
            return VerificationOutcome.PASSED;
        }
        if (remediation.getStatus() != RemediationStatus.VERIFYING) {
            return VerificationOutcome.PENDING;
        }
        Instant changedAt = remediation.latestChange().effectiveAt();
        List<MeasureView> suites = measures.forCase(caseId).stream()
                .filter(m -> m.type().isFilter()
                        && applied(m)
                        && m.rule() != null
                        && !m.rule().replayPrompts().isEmpty())
                .toList();
        Instant now = clock.instant();
        if (suites.isEmpty()) {
            remediation.failVerification(
                    VerificationOutcome.NO_REPLAY_SUITE,
                    List.of(),
                    0,
                    List.of(),
                    null,
                    "the case has no applied filter measure with a replay suite, so no change can be verified",
                    now);
            remediations.save(remediation);
            return VerificationOutcome.NO_REPLAY_SUITE;
        }
        Map<String, ReplayResult> replays = screening.replayResults();
        int passed = 0;
        List<String> failed = new ArrayList<>();
        Instant replayedAt = null;
        for (MeasureView suite : suites) {
            ReplayResult replay = replays.get(suite.measureId());
            if (replay == null || replay.at().isBefore(changedAt)) {
                return VerificationOutcome.PENDING;
            }
            passed += replay.passed();
            failed.addAll(replay.failedPrompts());
            replayedAt = replayedAt == null || replay.at().isAfter(replayedAt) ? replay.at() : replayedAt;
        }
        List<String> ids = suites.stream().map(MeasureView::measureId).toList();
        if (failed.isEmpty()) {
            remediation.passVerification(ids, passed, replayedAt, now);
        } else {
            remediation.failVerification(
                    VerificationOutcome.FAILED,
                    ids,
                    passed,
                    failed,
                    replayedAt,
                    failed.size() + " prompt(s) of the replay suite are still generated: " + String.join(" | ", failed),
                    now);
        }
        remediations.save(remediation);
        return failed.isEmpty() ? VerificationOutcome.PASSED : VerificationOutcome.FAILED;
    }

    /**
     * Whether the lifecycle must wait for the verification before it closes the case. Locks the remediation row, so
     * a verification committing concurrently either is seen here or sees the lifecycle already waiting for its
     * message. A case whose measures were all lifted (restored, retracted) has nothing left to remedy.
     */
    @Transactional
    public CloseGate closeGate(String caseId) {
        Optional<Remediation> remediation = remediations.lockByCaseId(caseId);
        if (remediation.isEmpty() || measures.forCase(caseId).stream().noneMatch(Remediations::applied)) {
            return CloseGate.NONE;
        }
        return remediation.get().getStatus() == RemediationStatus.VERIFIED ? CloseGate.VERIFIED : CloseGate.PENDING;
    }

    /**
     * Every measure of the case was lifted (restored, reversed, retracted): an open remediation is withdrawn, there
     * being nothing left to remedy. True while the case's remediation stands withdrawn, so a redelivered event still
     * ends its process.
     */
    @Transactional
    public boolean withdrawIfMeasuresLifted(String caseId) {
        if (measures.forCase(caseId).stream().anyMatch(Remediations::applied)) {
            return false;
        }
        Optional<Remediation> found = remediations.lockByCaseId(caseId);
        if (found.isEmpty()) {
            return false;
        }
        Remediation remediation = found.get();
        if (remediation.getStatus().isOpen()) {
            remediation.withdraw(clock.instant());
            remediations.save(remediation);
        }
        return remediation.getStatus() == RemediationStatus.WITHDRAWN;
    }

    /** The due date passed: compliance is alerted once (a retried job finds it escalated), the owner keeps the task. */
    @Transactional
    public void escalate(String caseId) {
        Remediation remediation =
                remediations.lockByCaseId(caseId).orElseThrow(() -> new RemediationNotFoundException(caseId));
        if (remediation.getEscalatedAt() != null || !remediation.getStatus().isOpen()) {
            return;
        }
        Instant now = clock.instant();
        remediation.escalate(ESCALATION_GROUP, now);
        remediations.save(remediation);
        events.publishEvent(new TaskEscalated(
                UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, ESCALATION_GROUP, "model remediation overdue"));
    }

    /** The regulator report of the case's remediation; {@code caller} must be staff (the read is access-logged). */
    @Transactional(readOnly = true)
    public RemediationReport report(String caseId, Caller caller) {
        Remediation remediation =
                remediations.findByCaseId(caseId).orElseThrow(() -> new RemediationNotFoundException(caseId));
        CaseView view = cases.find(caseId, caller).orElseThrow(() -> new RemediationNotFoundException(caseId));
        return new RemediationReport(
                view,
                mapper.view(remediation),
                measures.forCase(caseId),
                mapper.changes(remediation.getChanges()),
                mapper.verifications(remediation.getVerifications()),
                "/api/audit/cases/" + caseId + "/bundle",
                clock.instant());
    }

    /** Each term over the allowed share of the benign corpus, named by its field; nothing when all are narrow. */
    private void refuseTooBroad(List<String> terms) {
        double max = settings.maxBenignBlockShare();
        List<TooBroadTerm> tooBroad = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            double share = corpus.share(term);
            if (share > max) {
                tooBroad.add(new TooBroadTerm(
                        "added_terms[" + i + "]",
                        String.format(
                                "\"%s\" would block %.1f %% of %d everyday prompts (at most %.1f %% allowed)",
                                term, share * 100, corpus.size(), max * 100),
                        term,
                        share,
                        max));
            }
        }
        if (!tooBroad.isEmpty()) {
            throw new TermsTooBroadException(tooBroad);
        }
    }

    /** Whether an applied filter measure of the case lacks one of the terms, i.e. adding them changes what it blocks. */
    private boolean widens(String caseId, List<String> terms) {
        return !terms.isEmpty()
                && measures.forCase(caseId).stream()
                        .filter(m -> m.type().isFilter() && applied(m) && m.rule() != null)
                        .anyMatch(m -> !m.rule().terms().containsAll(terms));
    }

    private Remediation readable(String remediationId, Caller caller) {
        return remediations
                .findById(uuid(remediationId))
                .filter(r -> caller.isStaff() || owns(caller, r))
                .orElseThrow(() -> new RemediationNotFoundException(remediationId));
    }

    private Remediation owned(String remediationId, Caller caller) {
        return remediations
                .lockById(uuid(remediationId))
                .filter(r -> owns(caller, r))
                .orElseThrow(() -> new RemediationNotFoundException(remediationId));
    }

    private static boolean owns(Caller caller, Remediation remediation) {
        return OWNER_ROLE.equals(caller.role())
                && caller.organisationId() != null
                && caller.organisationId().equals(remediation.getOwnerId());
    }

    private String ownerOf(String caseId) {
        return settings.owners().ownerOf(cases.targets(caseId));
    }

    /** The due date from {@code now}: the demo's time compression shortens the wait, the report shows when it is. */
    private Instant dueFrom(Instant now) {
        return now.plus(timeCompression <= 1 ? settings.due() : settings.due().dividedBy(timeCompression));
    }

    private static boolean applied(MeasureView measure) {
        return measure.status() == MeasureStatus.APPLIED;
    }

    private static String lockKey(String caseId) {
        return "remediation:" + caseId;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new RemediationNotFoundException(id);
        }
    }
}
