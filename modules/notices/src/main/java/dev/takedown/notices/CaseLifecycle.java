package dev.takedown.notices;

import dev.takedown.correspondence.AccountAddresses;
import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.Letter;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.PartyRole;
import dev.takedown.correspondence.Recipient;
import dev.takedown.events.AccountRestored;
import dev.takedown.events.AppealDecided;
import dev.takedown.events.AuthorityNotified;
import dev.takedown.events.ClaimType;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.CriminalOffenceFlagged;
import dev.takedown.events.LegalGround;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeAcknowledged;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.PartiesNotified;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.notices.internal.CaseMapper;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.NotificationTexts;
import dev.takedown.notices.internal.RecordedDecision;
import dev.takedown.notices.internal.Submissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
    private final Correspondence correspondence;
    private final AccountAddresses accounts;
    private final UploaderLinks links;
    private final NotifierLinks notifierLinks;
    private final ProfilePolicies policies;
    private final ResponseTimes responseTimes;
    private final Misuse misuse;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;
    private final OutOfCourtBodies outOfCourtBodies;
    private final Optional<RestrictionScopes> scopes;
    private final String termsClause;
    private final Clock clock;

    CaseLifecycle(
            NoticeRepository notices,
            Submissions submissions,
            CaseMapper mapper,
            CounterNotices counterNotices,
            Correspondence correspondence,
            AccountAddresses accounts,
            UploaderLinks links,
            NotifierLinks notifierLinks,
            ProfilePolicies policies,
            ResponseTimes responseTimes,
            Misuse misuse,
            ApplicationEventPublisher events,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl,
            OutOfCourtBodies outOfCourtBodies,
            Optional<RestrictionScopes> scopes,
            @Value("${takedown.terms.clause:the platform's terms of service}") String termsClause,
            Clock clock) {
        this.notices = notices;
        this.submissions = submissions;
        this.mapper = mapper;
        this.counterNotices = counterNotices;
        this.correspondence = correspondence;
        this.accounts = accounts;
        this.links = links;
        this.notifierLinks = notifierLinks;
        this.policies = policies;
        this.responseTimes = responseTimes;
        this.misuse = misuse;
        this.events = events;
        this.publicBaseUrl = publicBaseUrl;
        this.outOfCourtBodies = outOfCourtBodies;
        this.scopes = scopes;
        this.termsClause = termsClause;
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

    /**
     * The notifier notified again the same work on a target restored after a counter-notice in {@code restoredCaseId}
     * under the 2013 Regulations, which Art. 17 forbids: the notice is recorded, not processed, and its receipt tells
     * the notifier the rule.
     */
    @Transactional
    public void recordRenotificationBarred(String noticeId, String restoredCaseId) {
        Notice notice = require(noticeId);
        Notice restored = require(restoredCaseId);
        notice.bar(
                restored.getId(),
                "the same work on this target was restored after a counter-notice in case " + restoredCaseId
                        + "; a rights holder may not notify it again (2013 Regulations Art. 17): recorded, not"
                        + " processed; the copyright administration or a people's court can act on it",
                clock.instant());
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
            tellNotifier(notice, LetterKind.CONFIRMATION, model("days", Math.max(1, validity.toDays())), link);
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
            tellNotifier(notice, LetterKind.CURE_REQUEST, model("days", days, "missing", missing));
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
            tellNotifier(notice, LetterKind.CLOSED_INCOMPLETE, model("missing", missing));
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
        // a notice claiming several rights weighs as its gravest
        int gravity = (claim == null ? List.<ClaimType>of() : claim.claimTypes())
                .stream()
                        .mapToInt(type -> misuse.claimGravity(type.name()))
                        .max()
                        .orElseGet(() -> misuse.claimGravity(null));
        misuse.recordMisuse(Party.notifier(notice.getNotifierParty()), caseId, gravity, intentional)
                .ifPresent(step -> notice.note(
                        TakedownEvent.SYSTEM,
                        "notifier " + step.change().name().toLowerCase(Locale.ROOT)
                                + " for manifestly unfounded notices (DSA Art. 23(2))",
                        clock.instant()));
    }

    /**
     * Tells a party a change of its standing (DSA Art. 23; 17 U.S.C. 512(i)): the reasons and the weighing, the
     * period, and the redress; a reversal on complaint, whether it reversed a suspension or a termination. The message
     * goes with the case whose finding led to it, to its notifier or, for an uploader account, to that account. The
     * one place such messages are sent from. An uploader account whose suspension or termination ended is told when
     * it is available again ({@link #on(AccountRestored)}), not before.
     */
    @EventListener
    void tellStanding(PartyStandingChanged changed) {
        boolean ended =
                switch (StandingChangeKind.valueOf(changed.change())) {
                    case REINSTATED, LIFTED, REVERSED -> true;
                    default -> false;
                };
        if (!ended || !Party.Kind.UPLOADER.name().equals(changed.partyKind())) {
            tell(changed);
        }
    }

    /**
     * The uploader account is available again: the platform confirmed the lift of the account measure that carried
     * out its suspension or termination (or none did). Now the account is told, with the change that ended it, and
     * the case's history says when the platform restored it.
     */
    @EventListener
    void on(AccountRestored restored) {
        StandingChange ending = misuse.change(restored.changeId())
                .orElseThrow(() -> new CaseStateException("no standing change " + restored.changeId()));
        load(restored.caseId())
                .ifPresent(notice -> notice.note(
                        restored.actor(),
                        "ACCOUNT_RESTORED: account " + restored.accountId() + " available again ("
                                + ending.change().name() + ", standing change " + ending.changeId() + ")"
                                + confirmedAt(restored.platformAt()),
                        clock.instant()));
        // what ended it carries no weighing: its letter needs the change, the time and the reasons
        tell(new PartyStandingChanged(
                restored.eventId(),
                ending.at(),
                restored.caseId(),
                ending.actor(),
                ending.changeId(),
                Party.Kind.UPLOADER.name(),
                restored.accountId(),
                ending.change().name(),
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                ending.reason()));
    }

    private void tell(PartyStandingChanged changed) {
        Optional<Notice> found = load(changed.caseId());
        if (found.isEmpty()) {
            return;
        }
        Notice notice = found.get();
        StandingChangeKind change = StandingChangeKind.valueOf(changed.change());
        LetterKind kind =
                switch (change) {
                    case WARNED -> LetterKind.WARNING;
                    case SUSPENDED, TERMINATED -> LetterKind.SUSPENSION;
                    case REINSTATED, LIFTED, REVERSED -> LetterKind.REINSTATEMENT;
                };
        Map<String, Object> model = standingModel(changed);
        if (change == StandingChangeKind.REVERSED) {
            model.put(
                    "reversed",
                    misuse.reversed(changed.changeId()).orElseThrow().change().name());
        }
        if (Party.Kind.NOTIFIER.name().equals(changed.partyKind())) {
            tellNotifier(
                    notice,
                    kind,
                    model,
                    caseLink(notice, kind == LetterKind.SUSPENSION ? "?decision=" + changed.changeId() : ""));
        } else {
            notice.getTargets().stream()
                    .filter(target -> changed.partyId().equals(target.getAccountId()))
                    .findFirst()
                    .ifPresent(target -> tellUploader(notice, target, kind, model, null));
        }
    }

    /**
     * What the standing letters say: the counts, the window in days, when, the end of a suspension, the reasons of an
     * early lift, the weighted score, the threshold and the intentional findings (see {@link LetterKind#WARNING}).
     */
    private static Map<String, Object> standingModel(PartyStandingChanged changed) {
        List<Object> arguments = new ArrayList<>(List.of(
                String.valueOf(changed.misuseCount()),
                String.valueOf(changed.windowMisuse()),
                String.valueOf(changed.totalCount()),
                changed.window() == null
                        ? ""
                        : String.valueOf(Duration.parse(changed.window()).toDays()),
                changed.occurredAt()));
        arguments.add(changed.until() == null ? "" : changed.until());
        arguments.add(changed.reason() == null ? "" : changed.reason());
        arguments.add(String.valueOf(changed.weightedScore()));
        arguments.add(String.valueOf(changed.threshold()));
        arguments.add(String.valueOf(changed.intentional()));
        return model(
                "party",
                changed.partyKind(),
                "change",
                changed.change(),
                "arguments",
                arguments,
                "weighed",
                changed.window() != null);
    }

    // --- measures and notification ---------------------------------------------------------------------------

    @Transactional
    public void recordMeasuresApplied(String caseId, int inEffect) {
        move(
                require(caseId),
                CaseStatus.MEASURE_APPLIED,
                TakedownEvent.SYSTEM,
                inEffect + " measure(s) sent to the platform");
    }

    /**
     * The platform confirmed every measure of the case in effect: the content is removed as of {@code removedAt}, the
     * platform's time of its last confirmation. Only now are the parties told that it was.
     */
    @Transactional
    public void recordMeasuresEnforced(String caseId, Instant removedAt) {
        move(
                require(caseId),
                CaseStatus.MEASURE_ENFORCED,
                TakedownEvent.SYSTEM,
                "every measure confirmed in effect by the platform at " + removedAt);
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
        recipients.add(tellNotifier(notice, LetterKind.DECISION, decisionModel(outcome, decided, profile)));
        if (outcome == CaseOutcome.ACTION_TAKEN) {
            // the letter opens the notice; the page offers the answers whose windows are still open
            String link = publicBaseUrl + "/u/" + links.issueAll(caseId, profile, policies.of(profile), now);
            List<RestrictionScopes.Restriction> restricting = inEffect(caseId);
            if (restricting.isEmpty()) {
                // a module slice without the measures knows none in effect: the decision's measures, worldwide unless
                // the scopes say otherwise
                RestrictionScopes.Scope scope = scopes.flatMap(known -> known.inEffect(caseId))
                        .orElse(RestrictionScopes.Scope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
                restricting = imposed(
                        notice,
                        decided.getMeasures(),
                        decided.getMeasures().stream().map(measure -> scope).toList());
            }
            recipients.addAll(forwardNotice(
                    notice, decided.getMeasures(), decided.getReason(), decided.getDecidedBy(), restricting, link));
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
            JurisdictionProfile filedUnder = joined.governingProfile();
            recipients.add(tellNotifier(
                    joined,
                    LetterKind.DECISION,
                    sameOrganisation
                            ? decisionModel(outcome, decided, filedUnder)
                            : model("outcome", outcome, "joined", true, "family", filedUnder.family())));
        }
        events.publishEvent(
                new PartiesNotified(UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, outcome.name(), recipients));
    }

    /**
     * Forwards the notice to each uploader with the statement of reasons of the decision that restricted its content
     * (DSA Art. 17(3)); the letter opens its page, where it can answer with a counter-notice. Returns their addresses.
     */
    private List<String> forwardNotice(
            Notice notice,
            List<String> measures,
            String reason,
            String decidedBy,
            List<RestrictionScopes.Restriction> restricting,
            String link) {
        List<String> recipients = new ArrayList<>();
        for (NoticeTarget target : notice.getTargets()) {
            // its content's measures and the filters, which act on every request of the case
            List<Map<String, Object>> restrictions = restricting.stream()
                    .filter(measure ->
                            measure.target() == null || measure.target().equals(target.getUrl()))
                    .map(CaseLifecycle::restriction)
                    .toList();
            recipients.add(tellUploader(
                    notice,
                    target,
                    LetterKind.FORWARDED_NOTICE,
                    model(
                            "measures",
                            measures,
                            "target",
                            target.getUrl(),
                            "work",
                            notice.getWorkTitle(),
                            "reason",
                            reason,
                            "family",
                            notice.governingProfile().family(),
                            "source",
                            source(notice),
                            "automated",
                            TakedownEvent.SYSTEM.equals(decidedBy),
                            "ground",
                            legalGround(notice),
                            "bodies",
                            outOfCourtBodies.names(),
                            "restrictions",
                            restrictions,
                            // a breach of the terms alone is decided under the terms (DSA Art. 17(3)(e)), not the law
                            "terms",
                            termsOnly(notice),
                            "termsClause",
                            termsClause),
                    link));
        }
        return recipients;
    }

    /**
     * DSA Art. 16(4): the notifier is told without delay that its notice arrived, with its case id and the response
     * times the platform publishes, whatever channel it came by: by letter if it gave an e-mail address, and a notice
     * from Kafka also by a receipt on {@link Topics#NOTICE_RECEIPTS} keyed like its record. In the intake's
     * transaction, so an intake that fails tells nobody.
     */
    @EventListener
    void on(NoticeReceived received) {
        Notice notice = require(received.caseId());
        ResponseTimes.Published published = responseTimes.published();
        if (notice.getNotifierEmail() != null) {
            tellNotifier(
                    notice,
                    LetterKind.RECEIPT,
                    model(
                            "receivedAt",
                            notice.getReceivedAt(),
                            "processed",
                            !NoticeReceived.NOT_PROCESSED.equals(received.disposition()),
                            "responseTimes",
                            published.times(),
                            "barredBy",
                            notice.getBarredByCaseId() == null
                                    ? null
                                    : notice.getBarredByCaseId().toString()));
        }
        if (Submitter.Channel.KAFKA.name().equals(notice.getChannel())) {
            events.publishEvent(new NoticeAcknowledged(
                    UUID.randomUUID(),
                    clock.instant(),
                    received.caseId(),
                    TakedownEvent.SYSTEM,
                    notice.getOrganisationId() + ":" + notice.getIdempotencyKey(),
                    notice.getReceivedAt(),
                    notice.getStatus().name(),
                    published.version(),
                    published.times()));
        }
    }

    // --- redress -------------------------------------------------------------------------------------------------

    /** The uploader's counter-notice arrived ({@link CounterNotices#file}); the case history shows it. */
    @EventListener
    void on(CounterNoticeFiled filed) {
        note(filed.caseId(), filed.actor(), "counter-notice received");
    }

    /**
     * Sends the rights holder a copy of the whole counter-notice as the uploader gave it (identity, address, phone,
     * e-mail, statements, evidence) with what the law lets it do next. The Chinese wait runs from the copy's delivery,
     * which correspondence records ({@link CounterNotices} listens); the US restore window runs from the platform's
     * receipt and is told here.
     *
     * @param restoreOn US: the day the material is restored unless a court action is notified (after business day 10
     *                  from receipt); {@code null} elsewhere
     * @param restoreBy US: business day 14 from receipt, the latest restore day; {@code null} elsewhere
     */
    @Transactional
    public void forwardCounterNotice(String caseId, LocalDate restoreOn, LocalDate restoreBy) {
        Notice notice = require(caseId);
        if (notice.moveTo(
                CaseStatus.COUNTER_NOTICE_FORWARDED,
                TakedownEvent.SYSTEM,
                "counter-notice forwarded to the rights holder",
                clock.instant())) {
            CounterNotices.Filed filed = counterNotices
                    .filed(caseId)
                    .orElseThrow(() -> new CaseStateException("case " + caseId + " has no counter-notice"));
            tellNotifier(
                    notice, LetterKind.COUNTER_NOTICE_COPY, counterNoticeCopy(notice, filed, restoreOn, restoreBy));
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
                    LetterKind.PROCEEDINGS_CONCLUDED,
                    "PROCEEDINGS_UPHELD",
                    model(
                            "outcome",
                            ProceedingsOutcome.UPHELD,
                            "reference",
                            reference,
                            "statement",
                            statement(
                                    notice,
                                    Effect.MAINTAINED,
                                    inEffect(caseId),
                                    "PROCEEDINGS_UPHELD",
                                    reference,
                                    false,
                                    null)));
        }
    }

    /**
     * The proceedings were dismissed or withdrawn, the measures lifted, and the platform confirmed the last lift at
     * {@code restoredAt}, its time ({@code null} when the case had nothing to lift); both sides are told only now.
     */
    @Transactional
    public void restoreAfterProceedings(
            String caseId, ProceedingsOutcome outcome, String reference, Instant restoredAt) {
        if (!outcome.restores()) {
            throw new IllegalArgumentException(outcome + " does not restore the content");
        }
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.RESTORED,
                TakedownEvent.SYSTEM,
                "proceedings " + outcome.name().toLowerCase(Locale.ROOT) + " (" + reference + "): content restored"
                        + confirmedAt(restoredAt))) {
            tellBoth(
                    notice,
                    LetterKind.PROCEEDINGS_CONCLUDED,
                    "PROCEEDINGS_" + outcome.name(),
                    model(
                            "outcome",
                            outcome,
                            "reference",
                            reference,
                            "statement",
                            statement(
                                    notice,
                                    Effect.LIFTED,
                                    liftedFor(caseId, LiftCause.PROCEEDINGS),
                                    "PROCEEDINGS_" + outcome.name(),
                                    reference,
                                    false,
                                    LegalGround.Step.RESTORED_AFTER_COUNTER_NOTICE)));
        }
    }

    /**
     * The measures were lifted after the statutory wait without proof of proceedings, and the platform confirmed the
     * last lift at {@code restoredAt}, its time ({@code null} when the case had nothing to lift); both sides are told
     * only now.
     */
    @Transactional
    public void restore(String caseId, Instant restoredAt) {
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.RESTORED,
                TakedownEvent.SYSTEM,
                "no proof of proceedings within the statutory wait: content restored" + confirmedAt(restoredAt))) {
            tellBoth(
                    notice,
                    LetterKind.RESTORED,
                    "RESTORED",
                    model(
                            "statement",
                            statement(
                                    notice,
                                    Effect.LIFTED,
                                    liftedFor(caseId, LiftCause.COUNTER_NOTICE),
                                    LiftCause.COUNTER_NOTICE.name(),
                                    null,
                                    true,
                                    LegalGround.Step.RESTORED_AFTER_COUNTER_NOTICE)));
        }
    }

    private static String confirmedAt(Instant restoredAt) {
        return restoredAt == null ? "" : ", confirmed by the platform at " + restoredAt;
    }

    /**
     * A measure that ended without a further decision on the case (its period ran out, or staff lifted it) is
     * explained to both sides with a statement of reasons (DSA Art. 17(3)); the other lifts follow a step of the case
     * whose own letter tells them. A filter's end concerns every uploader of the case, a target's only its own. An
     * account measure of the strike ladder ends with the account's standing, whose own letter tells the account (and
     * concerns no one else).
     */
    @EventListener
    void on(MeasureLifted lifted) {
        LiftCause cause = LiftCause.valueOf(Objects.requireNonNullElse(lifted.cause(), LiftCause.SUPERSEDED.name()));
        if (cause != LiftCause.EXPIRY && cause != LiftCause.BY_HAND || lifted.standingChangeId() != null) {
            return;
        }
        Optional<Notice> found = load(lifted.caseId());
        if (found.isEmpty()) {
            return;
        }
        Notice notice = found.get();
        Map<String, Object> model = model(
                "measure",
                lifted.type(),
                "target",
                lifted.targetUrl(),
                "cause",
                cause.name(),
                "endedAt",
                lifted.occurredAt(),
                "family",
                notice.governingProfile().family());
        List<String> recipients = new ArrayList<>();
        recipients.add(tellNotifier(notice, LetterKind.MEASURE_ENDED, model));
        notice.getTargets().stream()
                .filter(target ->
                        lifted.targetUrl() == null || lifted.targetUrl().equals(target.getUrl()))
                .forEach(target -> recipients.add(tellUploader(notice, target, LetterKind.MEASURE_ENDED, model, null)));
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(),
                clock.instant(),
                lifted.caseId(),
                TakedownEvent.SYSTEM,
                "MEASURE_ENDED",
                recipients));
    }

    /**
     * The rights holder's retraction lifted the measures and the platform confirmed the last lift at
     * {@code restoredAt} ({@code null} when nothing was lifted); both sides are told only now.
     */
    @Transactional
    public void recordRetracted(String caseId, Instant restoredAt) {
        Notice notice = require(caseId);
        if (move(
                notice,
                CaseStatus.RETRACTED,
                TakedownEvent.SYSTEM,
                "notice retracted; measures lifted" + confirmedAt(restoredAt))) {
            // a withdrawn notice executes no provision: nothing keeps the restriction
            tellBoth(
                    notice,
                    LetterKind.RETRACTED,
                    "RETRACTED",
                    model(
                            "statement",
                            statement(
                                    notice,
                                    Effect.LIFTED,
                                    liftedFor(caseId, LiftCause.RETRACTION),
                                    LiftCause.RETRACTION.name(),
                                    null,
                                    true,
                                    null)));
        }
    }

    /**
     * A decision reversed on complaint lifted the measures, and the platform confirmed the last lift at
     * {@code restoredAt}: both sides learn that the content is back. The complaint's outcome was told when it was
     * decided; the case keeps its status.
     */
    @Transactional
    public void restoreOnAppeal(String caseId, Instant restoredAt) {
        Notice notice = require(caseId);
        notice.note(
                TakedownEvent.SYSTEM,
                "decision reversed on complaint: content restored" + confirmedAt(restoredAt),
                clock.instant());
        tellBoth(
                notice,
                LetterKind.RESTORED_ON_APPEAL,
                "RESTORED_ON_APPEAL",
                model(
                        "statement",
                        statement(
                                notice,
                                Effect.LIFTED,
                                liftedFor(caseId, LiftCause.APPEAL),
                                "APPEAL_REVERSE",
                                null,
                                false,
                                LegalGround.Step.COMPLAINT_DECIDED)));
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
     * done. Both sides are told the reasons with a statement of what the decision does to the content (DSA Art.
     * 17(3)); a reversal that imposes measures also forwards the notice to each uploader, as a first decision would.
     *
     * @param scopes where and until when each measure a reversal imposes restricts, in the order of {@code measures}
     */
    @Transactional
    public CaseDecision decideAppeal(
            String caseId,
            String taskId,
            String complaintId,
            String subject,
            Verdict verdict,
            List<String> measures,
            List<RestrictionScopes.Scope> scopes,
            String reason,
            String moderator) {
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
            // the process lifts the measures a reversal ends, or applies those it imposes, after this decision
            List<RestrictionScopes.Restriction> inEffect = inEffect(caseId);
            boolean imposes = verdict == Verdict.REVERSE && !decision.measures().isEmpty();
            Effect effect = imposes
                    ? Effect.RESTRICTED
                    : verdict == Verdict.REVERSE
                            ? Effect.LIFTING
                            : inEffect.isEmpty() ? Effect.NONE : Effect.MAINTAINED;
            tellBoth(
                    notice,
                    LetterKind.APPEAL_OUTCOME,
                    verdict == Verdict.REVERSE ? "APPEAL_REVERSED" : "APPEAL_UPHELD",
                    model(
                            "verdict",
                            verdict,
                            "reason",
                            reason,
                            "statement",
                            statement(
                                    notice,
                                    effect,
                                    imposes ? imposed(notice, decision.measures(), scopes) : inEffect,
                                    "APPEAL_" + verdict.name(),
                                    null,
                                    false,
                                    LegalGround.Step.COMPLAINT_DECIDED)));
            if (imposes) {
                JurisdictionProfile profile = notice.governingProfile();
                String link = publicBaseUrl + "/u/" + links.issueAll(caseId, profile, policies.of(profile), now);
                events.publishEvent(new PartiesNotified(
                        UUID.randomUUID(),
                        now,
                        caseId,
                        TakedownEvent.SYSTEM,
                        "MEASURES_IMPOSED_ON_COMPLAINT",
                        forwardNotice(
                                notice,
                                decision.measures(),
                                reason,
                                moderator,
                                imposed(notice, decision.measures(), scopes),
                                link)));
            }
        }
        events.publishEvent(new AppealDecided(
                UUID.randomUUID(),
                now,
                caseId,
                moderator,
                decision.decisionId(),
                verdict.name(),
                decision.measures(),
                reason,
                subject,
                complaintId));
        return decision;
    }

    /**
     * A complaint against a suspension or termination that followed from this case is under review; the case itself
     * is not.
     */
    @Transactional
    public void openSuspensionComplaint(String caseId) {
        require(caseId)
                .note(
                        TakedownEvent.SYSTEM,
                        "complaint against a suspension or termination under review (DSA Art. 20)",
                        clock.instant());
    }

    /**
     * A complaint against an Art. 23 suspension or termination is decided: the party alone is told the reasons. The
     * case's decisions, outcome and status are not the complaint's subject and stay as they were; a reversal ends
     * the restriction through {@code Misuse}.
     *
     * @param party       the restricted party, the notifier of this case or the account of one of its targets
     * @param restriction what the complaint is against: {@link StandingChangeKind#SUSPENDED} or {@code TERMINATED}
     */
    @Transactional
    public void decideSuspensionComplaint(
            String caseId,
            String complaintId,
            Party party,
            StandingChangeKind restriction,
            Verdict verdict,
            String reason,
            String moderator) {
        requireKind(verdict, DecisionKind.APPEAL);
        Notice notice = require(caseId);
        Instant now = clock.instant();
        notice.note(
                moderator,
                "complaint against the "
                        + (restriction == StandingChangeKind.TERMINATED ? "termination" : "suspension") + " of the "
                        + party.kind().name().toLowerCase(Locale.ROOT)
                        + (verdict == Verdict.REVERSE ? " reversed: " : " upheld: ") + reason,
                now);
        Map<String, Object> model = model("verdict", verdict, "reason", reason);
        String recipient;
        if (party.kind() == Party.Kind.NOTIFIER) {
            recipient = tellNotifier(notice, LetterKind.APPEAL_OUTCOME, model);
        } else {
            NoticeTarget target = notice.getTargets().stream()
                    .filter(t -> party.id().equals(t.getAccountId()))
                    .findFirst()
                    .orElseThrow(() -> new CaseStateException("no target of case " + caseId + " is " + party.id()));
            tellUploader(notice, target, LetterKind.APPEAL_OUTCOME, model, null);
            recipient = uploaderAddress(target);
        }
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(),
                now,
                caseId,
                TakedownEvent.SYSTEM,
                verdict == Verdict.REVERSE ? "SUSPENSION_COMPLAINT_REVERSED" : "SUSPENSION_COMPLAINT_UPHELD",
                List.of(recipient)));
        events.publishEvent(new AppealDecided(
                UUID.randomUUID(),
                now,
                caseId,
                moderator,
                complaintId,
                verdict.name(),
                List.of(),
                reason,
                "SUSPENSION",
                complaintId));
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

    /**
     * DSA Art. 18: a moderator flags information on the case that gives rise to a suspicion of a criminal offence
     * involving a threat to the life or safety of persons; compliance officers get a task to inform the authority. A
     * ledger fact only: the case history is read by the parties, who must not be tipped off.
     *
     * @return the flag's id, which the authority's notification names
     */
    @Transactional
    public String flagCriminalOffence(String caseId, String moderator, String reason) {
        require(caseId);
        Instant now = clock.instant();
        UUID flagId = UUID.randomUUID();
        events.publishEvent(new CriminalOffenceFlagged(flagId, now, caseId, moderator, reason));
        return flagId.toString();
    }

    /** DSA Art. 18: a compliance officer informed the competent authority of a flagged suspicion; a ledger fact only. */
    @Transactional
    public void recordAuthorityNotified(
            String caseId, String officer, String flagId, String authority, Instant notifiedAt, String reference) {
        require(caseId);
        events.publishEvent(new AuthorityNotified(
                UUID.randomUUID(), clock.instant(), caseId, officer, flagId, authority, notifiedAt, reference));
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

    /** The same letter to the notifier and to each uploader, each in their language. */
    private void tellBoth(Notice notice, LetterKind kind, String outcome, Map<String, Object> model) {
        List<String> recipients = new ArrayList<>();
        recipients.add(tellNotifier(notice, kind, model));
        for (NoticeTarget target : notice.getTargets()) {
            recipients.add(tellUploader(notice, target, kind, model, null));
        }
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(),
                clock.instant(),
                notice.getId().toString(),
                TakedownEvent.SYSTEM,
                outcome,
                recipients));
    }

    /**
     * Writes the notifier a letter whose link opens the case page, or for a logged-out notifier, who has no account,
     * a signed link to its case that lasts the complaint window from now; returns the notifier's address.
     */
    private String tellNotifier(Notice notice, LetterKind kind, Map<String, Object> model) {
        return tellNotifier(notice, kind, model, caseLink(notice, ""));
    }

    /** The notifier's way to its case; {@code query} (e.g. the decision a complaint would be against) is appended. */
    private String caseLink(Notice notice, String query) {
        String caseId = notice.getId().toString();
        if (!Submitter.PUBLIC_ORGANISATION.equals(notice.getOrganisationId())) {
            return publicBaseUrl + "/notices/" + caseId + query;
        }
        Instant expires = ComplaintPeriods.end(
                clock.instant(), policies.of(notice.governingProfile()).appealWindow(), ComplaintPeriods.ANY_ZONE);
        return publicBaseUrl + "/n/" + notifierLinks.issue(caseId, expires) + query;
    }

    /** Writes the notifier a letter whose link opens {@code opens}; returns the notifier's address. */
    private String tellNotifier(Notice notice, LetterKind kind, Map<String, Object> model, String opens) {
        String caseId = notice.getId().toString();
        NoticeSubmission.Notifier notifier = submissions.of(notice).notifier();
        correspondence.send(new Letter(
                caseId,
                new Recipient(
                        PartyRole.NOTIFIER,
                        notice.getOrganisationId(),
                        notifier == null ? null : notifier.legalName(),
                        notice.getNotifierEmail(),
                        notifierLanguage(notice)),
                kind,
                model,
                opens,
                List.of()));
        return notifierAddress(notice);
    }

    /**
     * Writes the uploader of {@code target} a letter in its profile's language, to the address the platform has for
     * its account; returns the uploader's address on the case.
     */
    private String tellUploader(
            Notice notice, NoticeTarget target, LetterKind kind, Map<String, Object> model, String opens) {
        String email = target.getAccountId() == null
                ? null
                : accounts.of(target.getAccountId()).orElse(null);
        correspondence.send(new Letter(
                notice.getId().toString(),
                new Recipient(
                        PartyRole.UPLOADER,
                        target.getAccountId() != null ? target.getAccountId() : target.getUrl(),
                        null,
                        email,
                        NotificationTexts.of(notice.governingProfile())),
                kind,
                model,
                opens,
                List.of()));
        return uploaderAddress(target);
    }

    /** What a statement of reasons says a step does to the content (DSA Art. 17(3)(a)). */
    private enum Effect {
        RESTRICTED,
        MAINTAINED,
        LIFTED,
        // decided, not yet done: the letter that tells the content is back waits for the platform's confirmation
        LIFTING,
        NONE
    }

    /**
     * The statement of reasons (DSA Art. 17(3)(a)–(f)) that a letter lifting, maintaining or imposing measures after
     * the first decision carries, built from the case's facts ({@code correspondence/letters/statement.txt}).
     *
     * @param facts     what happened at this step (the template's {@code statement.facts.*})
     * @param automated the lift followed from the facts without anyone deciding again
     * @param step      the provisions this step applies; null where none does
     */
    private Map<String, Object> statement(
            Notice notice,
            Effect effect,
            List<RestrictionScopes.Restriction> measures,
            String facts,
            String reference,
            boolean automated,
            LegalGround.Step step) {
        return model(
                "effect",
                effect,
                "measures",
                measures.stream().map(CaseLifecycle::restriction).toList(),
                "source",
                source(notice),
                "facts",
                facts,
                "reference",
                reference,
                "automated",
                automated,
                "ground",
                legalGround(notice),
                "basis",
                step == null ? null : LegalGround.basis(notice.getProfiles(), step),
                "terms",
                termsOnly(notice),
                "termsClause",
                termsClause,
                "bodies",
                outOfCourtBodies.names(),
                "family",
                notice.governingProfile().family());
    }

    private static Map<String, Object> restriction(RestrictionScopes.Restriction measure) {
        return model(
                "measure",
                measure.measure(),
                "target",
                measure.target(),
                "countries",
                measure.scope().countries(),
                "endsOn",
                measure.scope().endsOn() == null
                        ? null
                        : measure.scope().endsOn().toString());
    }

    private List<RestrictionScopes.Restriction> inEffect(String caseId) {
        return restrictions(caseId).stream()
                .filter(RestrictionScopes.Restriction::inEffect)
                .toList();
    }

    /** The measures a step has just lifted for {@code cause}. */
    private List<RestrictionScopes.Restriction> liftedFor(String caseId, LiftCause cause) {
        return restrictions(caseId).stream()
                .filter(measure -> measure.liftCause() == cause)
                .toList();
    }

    private List<RestrictionScopes.Restriction> restrictions(String caseId) {
        // a module slice without the measures knows none
        return scopes.map(known -> known.measures(caseId)).orElse(List.of());
    }

    /** The measures a decision imposes on each target of the case, each with its scope, before they are planned. */
    private static List<RestrictionScopes.Restriction> imposed(
            Notice notice, List<String> measures, List<RestrictionScopes.Scope> scopes) {
        List<RestrictionScopes.Restriction> imposed = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            for (NoticeTarget target : notice.getTargets()) {
                imposed.add(new RestrictionScopes.Restriction(
                        measures.get(i), target.getUrl(), scopes.get(i), false, null));
            }
        }
        return imposed;
    }

    /** DSA Art. 17(3)(b): a notice, a trusted flagger's notice or an authority's order, as the registries confirmed. */
    private static String source(Notice notice) {
        return switch (String.valueOf(notice.getNotifierType())) {
            case "AUTHORITY_ORDER" -> "ORDER";
            case "TRUSTED_FLAGGER" -> "TRUSTED_FLAGGER";
            default -> "NOTICE";
        };
    }

    /**
     * DSA Art. 17(3)(d): the rights the notice claims (copyright when it names none) and the provisions the decision
     * applies under each profile of the case.
     */
    private boolean termsOnly(Notice notice) {
        var claim = submissions.of(notice).claim();
        List<ClaimType> claims = claim == null ? List.of() : claim.claimTypes();
        return !claims.isEmpty() && claims.stream().allMatch(type -> type.kind() == ClaimType.Kind.TERMS);
    }

    private String legalGround(Notice notice) {
        var claim = submissions.of(notice).claim();
        List<ClaimType> claims = claim == null ? List.of() : claim.claimTypes();
        String rights = (claims.isEmpty() ? List.of(ClaimType.COPYRIGHT) : claims)
                .stream().map(Enum::name).collect(Collectors.joining(", "));
        String provisions = LegalGround.basis(notice.getProfiles(), LegalGround.Step.DECIDED);
        return rights + (provisions == null ? "" : " (" + provisions + ")");
    }

    /** DSA Art. 16(5): the outcome, the measures and reasons of the verdict that set it, the profile's redress. */
    private static Map<String, Object> decisionModel(
            CaseOutcome outcome, RecordedDecision decided, JurisdictionProfile profile) {
        return model(
                "outcome",
                outcome,
                "joined",
                false,
                "measures",
                decided.getMeasures(),
                "reason",
                decided.getReason(),
                "overturned",
                decided.getVerdict() == Verdict.OVERTURN,
                "family",
                profile.family());
    }

    /** The counter-notice as given (LetterKind.COUNTER_NOTICE_COPY lists the keys). */
    private Map<String, Object> counterNoticeCopy(
            Notice notice, CounterNotices.Filed filed, LocalDate restoreOn, LocalDate restoreBy) {
        CounterNoticeSubmission counter = filed.submission();
        JurisdictionProfile profile = notice.governingProfile();
        CounterNoticeSubmission.User user = counter.user();
        NoticeSubmission.IdentityDocument document = user == null ? null : user.identityDocument();
        Map<String, Object> person = user == null
                ? Map.of()
                : model(
                        "legalName",
                        user.legalName(),
                        "identityType",
                        document == null ? null : document.type(),
                        "identityNumber",
                        document == null ? null : document.number(),
                        "address",
                        user.address(),
                        "phone",
                        user.phone(),
                        "email",
                        user.email());
        CounterNoticeSubmission.Material material = counter.material();
        List<Map<String, Object>> evidence = counter.nonInfringementEvidence().stream()
                .map(item -> evidenceItem(notice, item))
                .toList();
        NoticeSubmission.Attestations attestations = counter.attestations();
        return model(
                "family",
                profile.family(),
                "receivedAt",
                filed.receivedAt(),
                "user",
                person,
                "material",
                material == null
                        ? Map.of()
                        : model("identification", material.identification(), "priorLocation", material.priorLocation()),
                "perjury",
                counter.statement() != null
                        && Boolean.TRUE.equals(counter.statement().mistakeOrMisidentificationPerjury()),
                "consentToJurisdiction",
                Boolean.TRUE.equals(counter.consentToJurisdiction()),
                "acceptService",
                Boolean.TRUE.equals(counter.acceptServiceOfProcess()),
                "truthfulness",
                attestations != null && Boolean.TRUE.equals(attestations.truthfulnessResponsibility()),
                "signature",
                counter.signature() == null ? null : counter.signature().value(),
                "evidence",
                evidence,
                "waitDays",
                policies.of(profile).counterNoticeWaitDays(),
                "restoreOn",
                restoreOn,
                "restoreBy",
                restoreBy);
    }

    /**
     * An evidence file is linked through the case's evidence download, which only the case's organisation (and
     * staff) may open; a link the uploader gave is shown as given.
     */
    private Map<String, Object> evidenceItem(Notice notice, NoticeSubmission.Evidence item) {
        boolean file = item.sha256() != null && !item.sha256().isBlank();
        String description = item.description() != null ? item.description() : item.kind();
        return model(
                "description",
                description == null ? "" : description,
                "url",
                file ? publicBaseUrl + "/notices/" + notice.getId() + "/evidence/" + item.sha256() : item.url(),
                "file",
                file);
    }

    /** A letter's model from key-value pairs; a {@code null} value stays out (the template skips it). */
    private static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                model.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return model;
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
