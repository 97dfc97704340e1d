package dev.takedown.notices;

import dev.takedown.events.AppealDecided;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.PartiesNotified;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.notices.internal.CaseMapper;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.NotificationTexts;
import dev.takedown.notices.internal.Notifications;
import dev.takedown.notices.internal.RecordedDecision;
import dev.takedown.notices.internal.Submissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of a case: every change of its status, its history and its decisions is one of these steps, each
 * named for what the law or the platform's process calls it. The workflow's delegates and the moderators' review call
 * them; parties are told what each step requires, in their language. A repeated step (a retried job, a redelivered
 * event, a decision sent twice) changes nothing and tells nobody twice.
 */
@Service
public class CaseLifecycle {

    private final NoticeRepository notices;
    private final Submissions submissions;
    private final CaseMapper mapper;
    private final CounterNotices counterNotices;
    private final Notifications notifications;
    private final NotificationTexts texts;
    private final UploaderLinks links;
    private final ProfilePolicies policies;
    private final Misuse misuse;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;
    private final Clock clock;

    CaseLifecycle(
            NoticeRepository notices,
            Submissions submissions,
            CaseMapper mapper,
            CounterNotices counterNotices,
            Notifications notifications,
            NotificationTexts texts,
            UploaderLinks links,
            ProfilePolicies policies,
            Misuse misuse,
            ApplicationEventPublisher events,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl,
            Clock clock) {
        this.notices = notices;
        this.submissions = submissions;
        this.mapper = mapper;
        this.counterNotices = counterNotices;
        this.notifications = notifications;
        this.texts = texts;
        this.links = links;
        this.policies = policies;
        this.misuse = misuse;
        this.events = events;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    // --- intake ------------------------------------------------------------------------------------------------

    /**
     * A notice on a target of an open case joins that case instead of opening another. A notifier of another
     * organisation is not told which case it joined.
     */
    @Transactional
    public void join(String noticeId, String openCaseId) {
        Notice notice = require(noticeId);
        Notice open = require(openCaseId);
        String note = sameOrganisation(notice, open)
                ? "joins open case " + openCaseId + " on the same target"
                : "joins an open case on the same target";
        notice.join(open.getId(), note, clock.instant());
    }

    /** The notifier is suspended for misuse (DSA Art. 23(2)) until {@code until}: its notice is recorded, not processed. */
    @Transactional
    public void recordNotProcessed(String noticeId, Instant until) {
        move(
                require(noticeId),
                CaseStatus.LOGGED_NOT_PROCESSED,
                TakedownEvent.SYSTEM,
                "notifier suspended for manifestly unfounded notices (DSA Art. 23(2)) until " + until
                        + "; recorded, not processed");
    }

    /**
     * A logged-out notifier's notice waits for its notifier to confirm the e-mail address through {@code link}; the
     * message also acknowledges receipt (DSA Art. 16(4)).
     */
    @Transactional
    public void awaitConfirmation(String noticeId, String link, Duration validity) {
        Notice notice = require(noticeId);
        Instant now = clock.instant();
        if (notice.moveTo(
                CaseStatus.AWAITING_CONFIRMATION,
                TakedownEvent.SYSTEM,
                "logged-out notifier: waiting for the e-mail address to be confirmed",
                now)) {
            NotificationTexts.Text text =
                    texts.confirmation(notifierLanguage(notice), noticeId, Math.max(1, validity.toDays()));
            notifications.record(
                    notice.getId(), notifierAddress(notice), "CONFIRMATION", text.subject(), text.body(), link, now);
        }
    }

    /** The notifier confirmed its address: the notice is received as from that address and goes on. */
    @Transactional
    public void confirmAddress(String noticeId) {
        move(
                require(noticeId),
                CaseStatus.RECEIVED,
                TakedownEvent.SYSTEM,
                "notifier confirmed its e-mail address; the notice is processed as from that address");
    }

    /** Nobody confirmed the address before the link expired: the notice closes, never processed. */
    @Transactional
    public void closeUnconfirmed(String noticeId) {
        Notice notice = require(noticeId);
        if (notice.getStatus() == CaseStatus.AWAITING_CONFIRMATION) {
            move(
                    notice,
                    CaseStatus.CLOSED_UNCONFIRMED,
                    TakedownEvent.SYSTEM,
                    "the e-mail address was not confirmed before the link expired; closed without processing");
        }
    }

    /**
     * The notice claimed a status (trusted flagger, authority order) no registry entry confirmed: it is processed as
     * an ordinary notice, and its history says so.
     */
    @Transactional
    public void recordUnverifiedStatus(String noticeId, String claimed, String refusal) {
        require(noticeId)
                .note(
                        TakedownEvent.SYSTEM,
                        "claims " + claimed + " status, not confirmed: " + refusal
                                + "; processed as an ordinary notice (DSA Art. 16)",
                        clock.instant());
    }

    // --- validation and cure -----------------------------------------------------------------------------------

    @Transactional
    public void queueForReview(String caseId) {
        move(
                require(caseId),
                CaseStatus.UNDER_REVIEW,
                TakedownEvent.SYSTEM,
                "complete under its profiles; queued for review");
    }

    /** Tells the notifier exactly what is missing and how long it has to complete the notice (T2). */
    @Transactional
    public void requestCure(String caseId, List<FieldProblem> problems) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        String missing =
                problems.stream().map(p -> p.field() + " (" + p.message() + ")").collect(Collectors.joining("; "));
        if (notice.moveTo(CaseStatus.INCOMPLETE_CURE, TakedownEvent.SYSTEM, "missing: " + missing, now)) {
            long days = policies.of(notice.governingProfile()).curePeriod().toDays();
            tellNotifier(notice, "CURE_REQUEST", texts.cureRequest(notifierLanguage(notice), caseId, days, missing));
            events.publishEvent(new PartiesNotified(
                    UUID.randomUUID(),
                    now,
                    caseId,
                    TakedownEvent.SYSTEM,
                    "INCOMPLETE_CURE",
                    List.of(notifierAddress(notice))));
        }
    }

    /**
     * The notifier completes its notice during the cure period; the lifecycle validates it again. Only the notifier's
     * organisation may, and only while the case waits for completion.
     *
     * @throws CaseNotFoundException     no such case, or not the caller's organisation's
     * @throws CaseStateException        the case is not waiting for completion
     * @throws NoticeIncompleteException the completed notice is still not curable
     */
    @Transactional
    public void cure(String caseId, NoticeSubmission completed, Caller caller) {
        Notice notice = load(caseId)
                .filter(n -> !caller.isStaff() && caller.mayRead(n.getOrganisationId()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
        if (notice.getStatus() != CaseStatus.INCOMPLETE_CURE) {
            throw new CaseStateException(
                    "case " + caseId + " is " + notice.getStatus() + ", not waiting for completion");
        }
        if (!policies.curable(completed)) {
            throw new NoticeIncompleteException(policies.problems(completed));
        }
        Instant now = clock.instant();
        String body = submissions.write(completed);
        notice.cure(completed, body, NoticeHashes.of(body), caller.actor(), now);
        events.publishEvent(new NoticeCured(UUID.randomUUID(), now, caseId, caller.actor()));
    }

    /** Closes a notice that lacks required elements and tells the notifier which ones. */
    @Transactional
    public void closeIncomplete(String caseId, List<FieldProblem> problems) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        String missing = problems.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        if (notice.moveTo(CaseStatus.CLOSED_INCOMPLETE, TakedownEvent.SYSTEM, "missing: " + missing, now)) {
            tellNotifier(notice, "INCOMPLETE", texts.closedIncomplete(notifierLanguage(notice), caseId, missing));
            events.publishEvent(new PartiesNotified(
                    UUID.randomUUID(),
                    now,
                    caseId,
                    TakedownEvent.SYSTEM,
                    "INCOMPLETE",
                    List.of(notifierAddress(notice))));
        }
    }

    // --- review --------------------------------------------------------------------------------------------------

    /** The review deadline passed: the case goes to {@code toGroup}. */
    @Transactional
    public void escalateOverdueReview(String caseId, String toGroup) {
        move(
                require(caseId),
                CaseStatus.ESCALATED,
                TakedownEvent.SYSTEM,
                "review deadline passed; escalated to " + toGroup);
    }

    /** A moderator handed the review to {@code toGroup}, with a reason. */
    @Transactional
    public void escalate(String caseId, String toGroup, String moderator, String reason) {
        move(
                require(caseId),
                CaseStatus.ESCALATED,
                moderator,
                "escalated to " + toGroup + " by a moderator: " + reason);
    }

    /**
     * The review of the notice: {@link Verdict#ACCEPT} with the measures ordered, or {@link Verdict#REJECT} with a
     * reason. The decision is stored with the case and announced ({@link NoticeDecided}); deciding the same task
     * again returns the decision already taken.
     */
    @Transactional
    public CaseDecision decide(
            String caseId, String taskId, Verdict verdict, List<String> measures, String reason, String moderator) {
        requireKind(verdict, DecisionKind.REVIEW);
        Notice notice = require(caseId);
        Optional<CaseDecision> earlier = earlier(notice, taskId, DecisionKind.REVIEW);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        CaseDecision decision = record(notice, taskId, verdict, measures, reason, moderator, now);
        boolean accepted = verdict == Verdict.ACCEPT;
        notice.moveTo(
                accepted ? CaseStatus.DECIDED_ACTION : CaseStatus.DECIDED_NO_ACTION,
                moderator,
                accepted
                        ? "accepted: " + String.join(", ", measures) + (reason == null ? "" : " — " + reason)
                        : "rejected: " + reason,
                now);
        announce(decision);
        return decision;
    }

    /** A high-impact measure waits for a second reviewer (four-eyes). */
    @Transactional
    public void awaitSecondReview(String caseId) {
        move(
                require(caseId),
                CaseStatus.AWAITING_SECOND_REVIEW,
                TakedownEvent.SYSTEM,
                "high-impact measure: a second reviewer must confirm (four-eyes)");
    }

    /** The second reviewer agrees: the planned measures go ahead. */
    @Transactional
    public CaseDecision confirmOnSecondReview(String caseId, String taskId, String moderator, String reason) {
        Notice notice = require(caseId);
        Optional<CaseDecision> earlier = earlier(notice, taskId, DecisionKind.CONFIRMATION);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CaseDecision decision = record(notice, taskId, Verdict.CONFIRM, List.of(), reason, moderator, clock.instant());
        announce(decision);
        return decision;
    }

    /** The second reviewer disagrees: nothing is done, for the reason given. */
    @Transactional
    public CaseDecision overturnOnSecondReview(String caseId, String taskId, String moderator, String reason) {
        Notice notice = require(caseId);
        Optional<CaseDecision> earlier = earlier(notice, taskId, DecisionKind.CONFIRMATION);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        CaseDecision decision = record(notice, taskId, Verdict.OVERTURN, List.of(), reason, moderator, now);
        notice.moveTo(CaseStatus.DECIDED_NO_ACTION, moderator, "rejected: overturned on second review: " + reason, now);
        announce(decision);
        return decision;
    }

    /**
     * A moderator found the notice manifestly unfounded (DSA Art. 23(2)), intentionally so or not: it counts against
     * its notifier (the organisation, or the logged-out notifier's confirmed address), weighted by the right it
     * claimed. The notifier is warned first, then suspended; each step's message comes through
     * {@link #tellStanding}.
     */
    @Transactional
    public void recordManifestlyUnfounded(String caseId, boolean intentional) {
        Notice notice = require(caseId);
        var claim = submissions.of(notice).claim();
        int gravity = misuse.claimGravity(claim == null ? null : claim.rightType());
        misuse.recordMisuse(Party.notifier(notice.getNotifierParty()), caseId, gravity, intentional)
                .ifPresent(step -> notice.note(
                        TakedownEvent.SYSTEM,
                        "notifier " + step.change().name().toLowerCase(Locale.ROOT)
                                + " for manifestly unfounded notices (DSA Art. 23(2))",
                        clock.instant()));
    }

    /**
     * Tells a party a change of its standing (DSA Art. 23; 17 U.S.C. 512(i)): the reasons and the weighing, the
     * period, and the redress. The message goes with the case whose finding led to it, to its notifier or, for an
     * uploader account, to that account. The one place such messages are sent from.
     */
    @EventListener
    void tellStanding(PartyStandingChanged changed) {
        Optional<Notice> found = load(changed.caseId());
        if (found.isEmpty()) {
            return;
        }
        Notice notice = found.get();
        String kind = "STANDING_" + changed.change();
        if (Party.Kind.NOTIFIER.name().equals(changed.partyKind())) {
            tellNotifier(notice, kind, texts.standing(notifierLanguage(notice), changed));
        } else {
            NotificationTexts.Text text = texts.standing(NotificationTexts.of(notice.governingProfile()), changed);
            notifications.record(
                    notice.getId(),
                    "uploader-of:" + changed.partyId(),
                    kind,
                    text.subject(),
                    text.body(),
                    null,
                    clock.instant());
        }
    }

    // --- measures and notification ---------------------------------------------------------------------------

    @Transactional
    public void recordMeasuresApplied(String caseId, int inEffect) {
        move(require(caseId), CaseStatus.MEASURE_APPLIED, TakedownEvent.SYSTEM, inEffect + " measure(s) in effect");
    }

    /**
     * Tells the notifier the decision and its redress (DSA Art. 16(5)), and, when something was done, forwards the
     * notice to each uploader with a statement of reasons (DSA Art. 17(3)) and a signed link to answer it (Civil Code
     * 1195(2), DMCA 512(g)(2)(A)). Notices that joined this case learn its outcome and close; a notifier of another
     * organisation learns the outcome and the redress only, never this case, its reasons or who decided.
     */
    @Transactional
    public void notifyDecision(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (!notice.moveTo(CaseStatus.NOTIFIED, TakedownEvent.SYSTEM, "decision sent to the parties", now)) {
            return;
        }
        notice.markNotified(now);
        CaseOutcome outcome =
                notice.outcome().orElseThrow(() -> new CaseStateException("case " + caseId + " has no decision"));
        RecordedDecision decided = notice.effectiveDecision().orElseThrow();
        JurisdictionProfile profile = notice.governingProfile();
        List<String> recipients = new ArrayList<>();
        recipients.add(tellNotifier(
                notice,
                "DECISION",
                texts.decision(
                        notifierLanguage(notice),
                        outcome,
                        decided.getVerdict(),
                        decided.getMeasures(),
                        decided.getReason(),
                        profile)));
        if (outcome == CaseOutcome.ACTION_TAKEN) {
            String link = publicBaseUrl + "/u/" + links.issue(caseId);
            for (NoticeTarget target : notice.getTargets()) {
                String uploader = uploaderAddress(target);
                recipients.add(uploader);
                NotificationTexts.Text statement = texts.statementOfReasons(
                        NotificationTexts.of(profile),
                        target.getUrl(),
                        decided.getMeasures(),
                        decided.getReason(),
                        notice.getWorkTitle(),
                        profile);
                notifications.record(
                        notice.getId(), uploader, "FORWARDED_NOTICE", statement.subject(), statement.body(), link, now);
            }
        }
        for (Notice joined : notices.findByJoinedCaseId(notice.getId())) {
            boolean sameOrganisation = sameOrganisation(joined, notice);
            joined.markNotified(now);
            joined.moveTo(
                    CaseStatus.CLOSED,
                    TakedownEvent.SYSTEM,
                    (sameOrganisation ? "outcome of case " + caseId : "outcome of the case it joined") + ": " + outcome,
                    now);
            // each notifier is told the redress of the law its own notice was filed under
            Locale language = notifierLanguage(joined);
            JurisdictionProfile filedUnder = joined.governingProfile();
            recipients.add(tellNotifier(
                    joined,
                    "DECISION",
                    sameOrganisation
                            ? texts.decision(
                                    language,
                                    outcome,
                                    decided.getVerdict(),
                                    decided.getMeasures(),
                                    decided.getReason(),
                                    filedUnder)
                            : texts.joinedDecision(language, outcome, filedUnder)));
        }
        events.publishEvent(
                new PartiesNotified(UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, outcome.name(), recipients));
    }

    // --- redress -------------------------------------------------------------------------------------------------

    /** The uploader's counter-notice arrived ({@link CounterNotices#file}); the case history shows it. */
    @EventListener
    void on(CounterNoticeFiled filed) {
        note(filed.caseId(), filed.actor(), "counter-notice received");
    }

    /**
     * Forwards the counter-notice to the rights holder with the text the law requires, and records that moment as its
     * delivery (the Chinese wait runs from delivery).
     */
    @Transactional
    public void forwardCounterNotice(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (notice.moveTo(
                CaseStatus.COUNTER_NOTICE_FORWARDED,
                TakedownEvent.SYSTEM,
                "counter-notice forwarded to the rights holder",
                now)) {
            counterNotices.markForwarded(caseId, now);
            JurisdictionProfile profile = notice.governingProfile();
            tellNotifier(
                    notice,
                    "COUNTER_NOTICE",
                    texts.counterNoticeForwarded(
                            notifierLanguage(notice),
                            profile,
                            policies.of(profile).counterNoticeWaitDays()));
        }
    }

    /** The rights holder proved a complaint or lawsuit: the measure stays until the proceedings end. */
    @Transactional
    public void maintainPendingProceedings(String caseId) {
        move(
                require(caseId),
                CaseStatus.MAINTAINED_PENDING_PROCEEDINGS,
                TakedownEvent.SYSTEM,
                "proof of a complaint or lawsuit received: the measure stays pending proceedings");
    }

    /**
     * The proceedings that kept the measure ended for the rights holder: the measure stays and the case closes. Both
     * sides are told.
     */
    @Transactional
    public void closeUpheldByProceedings(String caseId, String reference) {
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.CLOSED,
                TakedownEvent.SYSTEM,
                "proceedings upheld the notice (" + reference + "): the measure stays")) {
            tellBoth(
                    notice,
                    "PROCEEDINGS_UPHELD",
                    language -> texts.proceedingsConcluded(language, ProceedingsOutcome.UPHELD, reference));
        }
    }

    /** The proceedings were dismissed or withdrawn and the measures lifted; both sides are told. */
    @Transactional
    public void restoreAfterProceedings(String caseId, ProceedingsOutcome outcome, String reference) {
        if (!outcome.restores()) {
            throw new IllegalArgumentException(outcome + " does not restore the content");
        }
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.RESTORED,
                TakedownEvent.SYSTEM,
                "proceedings " + outcome.name().toLowerCase(Locale.ROOT) + " (" + reference + "): content restored")) {
            tellBoth(
                    notice,
                    "PROCEEDINGS_" + outcome.name(),
                    language -> texts.proceedingsConcluded(language, outcome, reference));
        }
    }

    /** The measures were lifted after the statutory wait without proof of proceedings; both sides are told. */
    @Transactional
    public void restore(String caseId) {
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.RESTORED,
                TakedownEvent.SYSTEM,
                "no proof of proceedings within the statutory wait: content restored")) {
            tellBoth(notice, "RESTORED", texts::restored);
        }
    }

    /** The rights holder's retraction lifted the measures; both sides are told. */
    @Transactional
    public void recordRetracted(String caseId) {
        Notice notice = require(caseId);
        if (move(notice, CaseStatus.RETRACTED, TakedownEvent.SYSTEM, "notice retracted; measures lifted")) {
            tellBoth(notice, "RETRACTED", texts::retracted);
        }
    }

    @Transactional
    public void openAppealReview(String caseId) {
        move(
                require(caseId),
                CaseStatus.APPEAL_REVIEW,
                TakedownEvent.SYSTEM,
                "internal complaint under review (DSA Art. 20)");
    }

    /**
     * The internal complaint is decided by someone other than the original decider (DSA Art. 20):
     * {@link Verdict#UPHOLD} or {@link Verdict#REVERSE}, with the measures a reversal orders when nothing had been
     * done. Both sides are told the reasons.
     */
    @Transactional
    public CaseDecision decideAppeal(
            String caseId, String taskId, Verdict verdict, List<String> measures, String reason, String moderator) {
        requireKind(verdict, DecisionKind.APPEAL);
        Notice notice = require(caseId);
        Optional<CaseDecision> earlier = earlier(notice, taskId, DecisionKind.APPEAL);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        CaseDecision decision = record(notice, taskId, verdict, measures, reason, moderator, now);
        if (verdict == Verdict.REVERSE) {
            // a notice found manifestly unfounded and then upheld on complaint no longer counts against its notifier
            misuse.withdraw(Party.notifier(notice.getNotifierParty()), caseId);
        }
        if (notice.moveTo(
                verdict == Verdict.REVERSE ? CaseStatus.APPEAL_REVERSED : CaseStatus.APPEAL_UPHELD,
                moderator,
                reason,
                now)) {
            tellBoth(
                    notice,
                    verdict == Verdict.REVERSE ? "APPEAL_REVERSED" : "APPEAL_UPHELD",
                    language -> texts.appealDecided(language, verdict, reason));
        }
        events.publishEvent(new AppealDecided(
                UUID.randomUUID(),
                now,
                caseId,
                moderator,
                decision.decisionId(),
                verdict.name(),
                decision.measures(),
                reason));
        return decision;
    }

    // --- closing ------------------------------------------------------------------------------------------------

    /**
     * The redress window ended (or redress finished): the case is closed. A measure maintained pending proceedings
     * stays open until the proceedings end, so that case keeps its status.
     */
    @Transactional
    public void close(String caseId) {
        Notice notice = require(caseId);
        if (notice.getStatus() != CaseStatus.MAINTAINED_PENDING_PROCEEDINGS) {
            move(notice, CaseStatus.CLOSED, TakedownEvent.SYSTEM, "case closed");
        }
    }

    /** The redress window ended and the model remediation the case required was verified. */
    @Transactional
    public void closeRemedied(String caseId) {
        Notice notice = require(caseId);
        if (notice.getStatus() != CaseStatus.MAINTAINED_PENDING_PROCEEDINGS) {
            move(notice, CaseStatus.CLOSED_REMEDIED, TakedownEvent.SYSTEM, "case closed: model remediation verified");
        }
    }

    /** A fact on the case's history without a change of status (e.g. what triage asks the reviewer to assess). */
    @Transactional
    public void note(String caseId, String actor, String note) {
        require(caseId).note(actor, note, clock.instant());
    }

    // ------------------------------------------------------------------------------------------------------------

    private CaseDecision record(
            Notice notice,
            String taskId,
            Verdict verdict,
            List<String> measures,
            String reason,
            String moderator,
            Instant at) {
        return mapper.decision(notice.decide(taskId, verdict, measures, reason, moderator, at), notice.getId());
    }

    private Optional<CaseDecision> earlier(Notice notice, String taskId, DecisionKind kind) {
        return notice.decisionIn(taskId, kind).map(d -> mapper.decision(d, notice.getId()));
    }

    /** Review and confirmation decisions go on {@code takedown.notice-events} with their verdict as outcome. */
    private void announce(CaseDecision decision) {
        events.publishEvent(new NoticeDecided(
                UUID.randomUUID(),
                decision.decidedAt(),
                decision.caseId(),
                decision.decidedBy(),
                decision.decisionId(),
                decision.verdict().name(),
                decision.measures(),
                decision.reason()));
    }

    private static void requireKind(Verdict verdict, DecisionKind kind) {
        if (verdict.kind() != kind) {
            throw new IllegalArgumentException(verdict + " does not decide a " + kind);
        }
    }

    /** The same message to the notifier and to each uploader, each in their language. */
    private void tellBoth(Notice notice, String kind, Function<Locale, NotificationTexts.Text> text) {
        List<String> recipients = new ArrayList<>();
        recipients.add(tellNotifier(notice, kind, text.apply(notifierLanguage(notice))));
        Locale uploaderLanguage = NotificationTexts.of(notice.governingProfile());
        NotificationTexts.Text forUploaders = text.apply(uploaderLanguage);
        Instant now = clock.instant();
        for (NoticeTarget target : notice.getTargets()) {
            String uploader = uploaderAddress(target);
            recipients.add(uploader);
            notifications.record(
                    notice.getId(), uploader, kind, forUploaders.subject(), forUploaders.body(), null, now);
        }
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(), now, notice.getId().toString(), TakedownEvent.SYSTEM, kind, recipients));
    }

    /** Records what the notifier was told; returns its address. */
    private String tellNotifier(Notice notice, String kind, NotificationTexts.Text text) {
        String address = notifierAddress(notice);
        notifications.record(notice.getId(), address, kind, text.subject(), text.body(), null, clock.instant());
        return address;
    }

    private Locale notifierLanguage(Notice notice) {
        return NotificationTexts.forNotifier(submissions.of(notice).language(), notice.governingProfile());
    }

    private static String notifierAddress(Notice notice) {
        return "notifier:"
                + (notice.getNotifierEmail() != null ? notice.getNotifierEmail() : notice.getOrganisationId());
    }

    private static String uploaderAddress(NoticeTarget target) {
        return "uploader-of:" + (target.getAccountId() != null ? target.getAccountId() : target.getUrl());
    }

    private static boolean sameOrganisation(Notice one, Notice other) {
        return one.getOrganisationId().equals(other.getOrganisationId());
    }

    private boolean move(Notice notice, CaseStatus status, String actor, String note) {
        return notice.moveTo(status, actor, note, clock.instant());
    }

    private Optional<Notice> load(String caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        try {
            return notices.findById(UUID.fromString(caseId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private Notice require(String caseId) {
        return load(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
    }
}
