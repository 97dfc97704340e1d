package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CaseViewed;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NotifierStatusChanged;
import dev.takedown.events.PartiesNotified;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.TakedownEvent;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import dev.takedown.notices.internal.Notifications;
import dev.takedown.notices.internal.NotifierStanding;
import dev.takedown.works.ProtectedWorks;
import dev.takedown.works.WorkDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading cases (tenant-scoped) and moving them through the lifecycle on behalf of the workflow and review. */
@Service
public class NoticeCases {

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Notifications notifications;
    private final UploaderLinks links;
    private final ProfilePolicies policies;
    private final NotifierStanding standing;
    private final ProtectedWorks works;
    private final JdbcTemplate jdbc;
    private final String publicBaseUrl;
    private final Clock clock;

    NoticeCases(
            NoticeRepository notices,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Notifications notifications,
            UploaderLinks links,
            ProfilePolicies policies,
            NotifierStanding standing,
            ProtectedWorks works,
            JdbcTemplate jdbc,
            @Value("${takedown.public-base-url:http://localhost:8080}") String publicBaseUrl,
            Clock clock) {
        this.notices = notices;
        this.events = events;
        this.json = json;
        this.notifications = notifications;
        this.links = links;
        this.policies = policies;
        this.standing = standing;
        this.works = works;
        this.jdbc = jdbc;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** The case if the caller may see it; another organisation's case is indistinguishable from none. */
    @Transactional
    public Optional<CaseView> find(String caseId, Caller caller) {
        Optional<Notice> found = load(caseId).filter(n -> caller.mayRead(n.organisationId()));
        found.ifPresent(n -> {
            if (caller.isStaff()) {
                events.publishEvent(
                        new CaseViewed(UUID.randomUUID(), clock.instant(), caseId, caller.actor(), caller.role()));
            }
        });
        return found.map(this::view);
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> list(Caller caller) {
        List<Notice> found = caller.isStaff()
                ? notices.findTop200ByOrderByReceivedAtDesc()
                : caller.organisationId() == null
                        ? List.of()
                        : notices.findByOrganisationIdOrderByReceivedAtDesc(caller.organisationId());
        return found.stream()
                .map(n -> new CaseSummary(
                        n.id().toString(),
                        n.status(),
                        n.workTitle(),
                        n.targets().size(),
                        n.receivedAt()))
                .toList();
    }

    /** Re-checks the stored notice against its profiles; empty means complete. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(String caseId) {
        return policies.problems(submission(require(caseId)));
    }

    @Transactional(readOnly = true)
    public List<String> targetUrls(String caseId) {
        return require(caseId).targets().stream().map(NoticeTarget::url).toList();
    }

    /** Earlier cases on the same targets (at most 20, newest first), for the reviewer. */
    @Transactional(readOnly = true)
    public List<CaseSummary> casesOnTargets(String caseId) {
        Notice notice = require(caseId);
        List<String> urls =
                notice.targets().stream().map(NoticeTarget::url).limit(50).toList();
        return urls.isEmpty()
                ? List.of()
                : notices.findOthersOnTargets(urls, notice.id(), Limit.of(20)).stream()
                        .map(n -> new CaseSummary(
                                n.id().toString(),
                                n.status(),
                                n.workTitle(),
                                n.targets().size(),
                                n.receivedAt()))
                        .toList();
    }

    @Transactional(readOnly = true)
    public List<CaseTarget> targets(String caseId) {
        return require(caseId).targets().stream().map(NoticeCases::target).toList();
    }

    /** The case's targets and when its notice arrived, for facts kept beside the case; empty for no such case. */
    @Transactional(readOnly = true)
    public Optional<CaseTargets> findTargets(String caseId) {
        return load(caseId)
                .map(n -> new CaseTargets(
                        n.receivedAt(),
                        n.targets().stream().map(NoticeCases::target).toList()));
    }

    private static CaseTarget target(NoticeTarget t) {
        return new CaseTarget(
                t.url(), t.accountId(), t.type(), t.produceId(), t.sha256(), t.modelId(), t.generatedAt());
    }

    @Transactional(readOnly = true)
    public CaseStatus status(String caseId) {
        return require(caseId).status();
    }

    /** Whether the notice may be cured rather than closed: it names a work, a target and a contact. */
    @Transactional(readOnly = true)
    public boolean curable(String caseId) {
        return policies.curable(submission(require(caseId)));
    }

    /** Target types in order of urgency: live AIGC generation first (the Ultraman harm repeats on every prompt). */
    private static final List<String> URGENCY = List.of(
            "GENERATED_OUTPUT", "PROMPT_PATTERN", "MODEL", "LORA", "DATASET_ITEM", "ACCOUNT", "LISTING", "POST", "URL");

    @Transactional(readOnly = true)
    public TriageFacts triageFacts(String caseId) {
        Notice notice = require(caseId);
        NoticeSubmission submission = submission(notice);
        String notifierType =
                submission.notifier() == null ? null : submission.notifier().type();
        if (submission.notifier() != null && submission.notifier().trustedFlaggerId() != null) {
            notifierType = "TRUSTED_FLAGGER";
        }
        String targetType = notice.targets().stream()
                .map(NoticeTarget::type)
                .min(java.util.Comparator.comparingInt(
                        t -> URGENCY.indexOf(t) < 0 ? URGENCY.size() : URGENCY.indexOf(t)))
                .orElse("URL");
        boolean wellKnown = submission.works().stream()
                .filter(w -> w != null && w.registeredWorkId() != null)
                .anyMatch(w -> works.wellKnown(w.registeredWorkId(), notice.organisationId()));
        return new TriageFacts(
                notice.governingProfile().name(),
                notifierType == null ? "RIGHTS_HOLDER" : notifierType,
                targetType,
                wellKnown,
                submission.creationEvidence() != null
                        && submission.creationEvidence().isPresent());
    }

    /** A note on the case's history without a change of status (e.g. what triage asks the reviewer to assess). */
    @Transactional
    public void note(String caseId, String actor, String note) {
        require(caseId).note(actor, note, clock.instant());
    }

    /**
     * What a filter measure on this case blocks: the registered works the notice names (only the notifier's own
     * organisation's), plus the titles and protected terms written into the notice itself.
     */
    @Transactional(readOnly = true)
    public ScreeningRule screeningRule(String caseId) {
        Notice notice = require(caseId);
        NoticeSubmission submission = submission(notice);
        Map<String, WorkDefinition> registered = works.definitions(
                submission.works().stream()
                        .filter(w -> w != null && w.registeredWorkId() != null)
                        .map(NoticeSubmission.Work::registeredWorkId)
                        .toList(),
                notice.organisationId());
        Set<String> titles = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        List<ScreeningRule.Combination> combinations = new ArrayList<>();
        Set<String> licensees = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        Set<String> replays = new LinkedHashSet<>();
        for (NoticeSubmission.Work work : submission.works()) {
            if (work == null) {
                continue;
            }
            WorkDefinition definition =
                    work.registeredWorkId() == null ? null : registered.get(work.registeredWorkId());
            if (definition != null) {
                titles.add(definition.title());
                terms.addAll(definition.terms());
                definition
                        .combinations()
                        .forEach(c -> combinations.add(
                                new ScreeningRule.Combination(c.phrases(), c.atLeast(), c.windowWords())));
                licensees.addAll(definition.licensees());
                hashes.addAll(definition.imageHashes());
                replays.addAll(definition.replayPrompts());
            }
            if (work.title() != null && !work.title().isBlank()) {
                titles.add(work.title().strip());
                terms.add(work.title().strip());
            }
            if (work.protectedTerms() != null) {
                work.protectedTerms().stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::strip)
                        .forEach(terms::add);
            }
        }
        return new ScreeningRule(
                String.join(" / ", titles),
                List.copyOf(terms),
                combinations,
                List.copyOf(licensees),
                List.copyOf(hashes),
                List.copyOf(replays));
    }

    /** The user who decided the case, so that an appeal or a second review goes to someone else. */
    @Transactional(readOnly = true)
    public String decidedBy(String caseId) {
        return require(caseId).decidedBy();
    }

    @Transactional(readOnly = true)
    public CaseTimers timers(String caseId) {
        Notice notice = require(caseId);
        JurisdictionProfile profile = notice.governingProfile();
        List<java.util.Map<String, Object>> counter = jdbc.queryForList(
                "select received_at, delivered_at from counter_notice where case_id = ?", notice.id());
        Instant received = counter.isEmpty() ? null : instant(counter.get(0).get("received_at"));
        Instant delivered = counter.isEmpty() ? null : instant(counter.get(0).get("delivered_at"));
        Instant cureRequested = notice.history().stream()
                .filter(h -> h.status() == CaseStatus.INCOMPLETE_CURE)
                .map(h -> h.at())
                .findFirst()
                .orElse(null);
        return new CaseTimers(
                profile,
                policies.of(profile),
                policies.timeCompression(),
                notice.receivedAt(),
                notice.notifiedAt(),
                received,
                delivered,
                cureRequested);
    }

    @Transactional(readOnly = true)
    public List<CaseNotification> notifications(String caseId) {
        return load(caseId)
                .map(n -> notifications.forCase(n.id()).stream()
                        .map(sent -> new CaseNotification(
                                sent.id(),
                                sent.recipient(),
                                sent.kind(),
                                sent.subject(),
                                sent.body(),
                                sent.link(),
                                sent.createdAt()))
                        .toList())
                .orElse(List.of());
    }

    @Transactional
    public void startReview(String caseId) {
        move(caseId, CaseStatus.UNDER_REVIEW, TakedownEvent.SYSTEM, "complete under its profiles; queued for review");
    }

    /** Tells the notifier exactly what is missing and how long it has to complete the notice (T2). */
    @Transactional
    public void requestCure(String caseId, List<FieldProblem> problems) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        String missing =
                problems.stream().map(p -> p.field() + " (" + p.message() + ")").collect(Collectors.joining("; "));
        if (notice.moveTo(CaseStatus.INCOMPLETE_CURE, TakedownEvent.SYSTEM, "missing: " + missing, now)) {
            notifications.record(
                    notice.id(),
                    notifierAddress(notice),
                    "CURE_REQUEST",
                    "Your notice " + caseId + " is incomplete / 您的通知不完整",
                    "Please complete your notice within "
                            + policies.of(notice.governingProfile())
                                    .curePeriod()
                                    .toDays()
                            + " days, or it will be closed. Missing: " + missing,
                    null,
                    now);
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
     */
    @Transactional
    public void cure(String caseId, NoticeSubmission completed, Caller caller) {
        Notice notice = load(caseId)
                .filter(n -> !caller.isStaff() && caller.mayRead(n.organisationId()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
        if (notice.status() != CaseStatus.INCOMPLETE_CURE) {
            throw new CaseStateException("case " + caseId + " is " + notice.status() + ", not waiting for completion");
        }
        if (!policies.curable(completed)) {
            throw new NoticeIncompleteException(policies.problems(completed));
        }
        Instant now = clock.instant();
        notice.cure(toJson(completed), NoticeHashes.of(toJson(completed)), caller.actor(), now);
        for (int i = 0; i < completed.targets().size(); i++) {
            var target = completed.targets().get(i);
            if (target != null && target.url() != null && TargetUrl.isValid(target.url())) {
                notice.addTarget(
                        i, target.type() == null ? "URL" : target.type(), TargetUrl.canonical(target.url()), target);
            }
        }
        events.publishEvent(new NoticeCured(UUID.randomUUID(), now, caseId, caller.actor()));
    }

    /** Closes a notice that lacks required elements and tells the notifier which ones. */
    @Transactional
    public void closeIncomplete(String caseId, List<FieldProblem> problems) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        String missing = problems.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        if (notice.moveTo(CaseStatus.CLOSED_INCOMPLETE, TakedownEvent.SYSTEM, "missing: " + missing, now)) {
            events.publishEvent(new PartiesNotified(
                    UUID.randomUUID(),
                    now,
                    caseId,
                    TakedownEvent.SYSTEM,
                    "INCOMPLETE",
                    List.of(notifierAddress(notice))));
        }
    }

    @Transactional
    public void recordEscalation(String caseId, String toGroup) {
        move(caseId, CaseStatus.ESCALATED, TakedownEvent.SYSTEM, "review deadline passed; escalated to " + toGroup);
    }

    /** A moderator handed the review to {@code toGroup}, with a reason. */
    @Transactional
    public void recordEscalation(String caseId, String toGroup, String actor, String reason) {
        move(caseId, CaseStatus.ESCALATED, actor, "escalated to " + toGroup + " by a moderator: " + reason);
    }

    @Transactional
    public void recordDecision(String caseId, boolean accepted, String actor, List<String> measures, String reason) {
        Notice notice = require(caseId);
        notice.recordDecision(accepted, actor, measures, reason);
        String note = accepted
                ? "accepted: " + String.join(", ", measures) + (reason == null ? "" : " — " + reason)
                : "rejected: " + reason;
        notice.moveTo(
                accepted ? CaseStatus.DECIDED_ACTION : CaseStatus.DECIDED_NO_ACTION, actor, note, clock.instant());
    }

    @Transactional
    public void awaitSecondReview(String caseId) {
        move(
                caseId,
                CaseStatus.AWAITING_SECOND_REVIEW,
                TakedownEvent.SYSTEM,
                "high-impact measure: a second reviewer must confirm (four-eyes)");
    }

    /** A manifestly unfounded notice counts against its notifier (DSA Art. 23(2)). */
    @Transactional
    public void recordUnfounded(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        standing.recordUnfounded(notice.id(), notice.organisationId(), now).ifPresent(next -> {
            notifications.record(
                    notice.id(),
                    notifierAddress(notice),
                    "MISUSE_" + next.status(),
                    next.status() == NotifierStanding.Status.WARNED
                            ? "Warning: manifestly unfounded notices / 警告：明显不成立的通知"
                            : "Suspension of notice processing / 暂停处理通知",
                    next.status() == NotifierStanding.Status.WARNED
                            ? "Several of your notices were manifestly unfounded. Further ones will suspend the "
                                    + "processing of your notices (DSA Art. 23(2))."
                            : "Your notices will be recorded but not processed until " + next.until()
                                    + " (DSA Art. 23(2)).",
                    null,
                    now);
            events.publishEvent(new NotifierStatusChanged(
                    UUID.randomUUID(),
                    now,
                    caseId,
                    TakedownEvent.SYSTEM,
                    notice.organisationId(),
                    next.status().name(),
                    next.until()));
        });
    }

    @Transactional
    public void recordMeasuresApplied(String caseId, int count) {
        move(caseId, CaseStatus.MEASURE_APPLIED, TakedownEvent.SYSTEM, count + " measure(s) in effect");
    }

    /**
     * Tells the notifier the decision and its redress, and, when something was done, forwards the notice to the
     * uploader with a statement of reasons (DSA Art. 17(3)) and a signed link to answer it (Civil Code 1195(2), DMCA
     * 512(g)(2)(A)). Notifiers whose notices joined this case learn the same outcome.
     */
    @Transactional
    public void notifyDecision(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (!notice.moveTo(CaseStatus.NOTIFIED, TakedownEvent.SYSTEM, "decision sent to the parties", now)) {
            return;
        }
        notice.markNotified(now);
        boolean acted = "ACTION_TAKEN".equals(notice.outcome());
        JurisdictionProfile profile = notice.governingProfile();
        List<String> recipients = new ArrayList<>();
        recipients.add(notifierAddress(notice));
        notifications.record(
                notice.id(),
                notifierAddress(notice),
                "DECISION",
                "Decision on your notice / 对您通知的处理结果: " + notice.outcome(),
                CaseTexts.decisionForNotifier(
                        notice.outcome(), notice.decisionMeasures(), notice.decisionReason(), profile),
                null,
                now);
        if (acted) {
            String link = publicBaseUrl + "/u/" + links.issue(caseId);
            for (var target : notice.targets()) {
                String uploader = "uploader-of:" + (target.accountId() != null ? target.accountId() : target.url());
                recipients.add(uploader);
                notifications.record(
                        notice.id(),
                        uploader,
                        "FORWARDED_NOTICE",
                        "A notice about your content / 关于您内容的通知",
                        CaseTexts.statementOfReasons(
                                target.url(),
                                notice.decisionMeasures(),
                                notice.decisionReason(),
                                notice.workTitle(),
                                profile),
                        link,
                        now);
            }
        }
        for (Notice joined : notices.findByJoinedCaseId(notice.id())) {
            recipients.add(notifierAddress(joined));
            joined.recordDecision(acted, notice.decidedBy(), notice.decisionMeasures(), notice.decisionReason());
            joined.markNotified(now);
            joined.moveTo(
                    CaseStatus.CLOSED,
                    TakedownEvent.SYSTEM,
                    "outcome of case " + caseId + ": " + notice.outcome(),
                    now);
            notifications.record(
                    joined.id(),
                    notifierAddress(joined),
                    "DECISION",
                    "Decision on your notice / 对您通知的处理结果: " + notice.outcome(),
                    CaseTexts.decisionForNotifier(
                            notice.outcome(), notice.decisionMeasures(), notice.decisionReason(), profile),
                    null,
                    now);
        }
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, notice.outcome(), recipients));
    }

    /**
     * Forwards a counter-notice to the rights holder with the text the law requires, and records that moment as its
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
            jdbc.update(
                    "update counter_notice set delivered_at = ? where case_id = ? and delivered_at is null",
                    java.sql.Timestamp.from(now),
                    notice.id());
            CaseTimers timers = timers(caseId);
            notifications.record(
                    notice.id(),
                    notifierAddress(notice),
                    "COUNTER_NOTICE",
                    "Counter-notice received / 收到反通知",
                    CaseTexts.counterNoticeForRightsHolder(timers.profile(), timers.policy()),
                    null,
                    now);
        }
    }

    @Transactional
    public void recordMaintained(String caseId) {
        move(
                caseId,
                CaseStatus.MAINTAINED_PENDING_PROCEEDINGS,
                TakedownEvent.SYSTEM,
                "proof of a complaint or lawsuit received: the measure stays pending proceedings");
    }

    /** The measures were lifted after the wait; both sides are told. */
    @Transactional
    public void recordRestored(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (notice.moveTo(
                CaseStatus.RESTORED,
                TakedownEvent.SYSTEM,
                "no proof of proceedings within the statutory wait: content restored",
                now)) {
            tellBoth(
                    notice,
                    "RESTORED",
                    "Content restored / 内容已恢复",
                    "The measures on this case were lifted because no proof of a complaint or lawsuit arrived "
                            + "within the statutory period.",
                    now);
        }
    }

    @Transactional
    public void recordRetracted(String caseId) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (notice.moveTo(CaseStatus.RETRACTED, TakedownEvent.SYSTEM, "notice retracted; measures lifted", now)) {
            tellBoth(
                    notice,
                    "RETRACTED",
                    "Notice withdrawn / 通知已撤回",
                    "The rights holder withdrew the notice; the measures taken on it were lifted.",
                    now);
        }
    }

    @Transactional
    public void recordAppealReview(String caseId) {
        move(caseId, CaseStatus.APPEAL_REVIEW, TakedownEvent.SYSTEM, "internal complaint under review (DSA Art. 20)");
    }

    @Transactional
    public void recordAppealOutcome(String caseId, boolean reversed, String actor, String reason) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        if (notice.moveTo(reversed ? CaseStatus.APPEAL_REVERSED : CaseStatus.APPEAL_UPHELD, actor, reason, now)) {
            tellBoth(
                    notice,
                    reversed ? "APPEAL_REVERSED" : "APPEAL_UPHELD",
                    "Outcome of the complaint / 申诉结果: " + (reversed ? "decision reversed" : "decision upheld"),
                    "Reasons: " + reason + ". You may still use out-of-court dispute settlement (DSA Art. 21) or "
                            + "go to court.",
                    now);
        }
    }

    /**
     * The redress window ended (or redress finished): the case is closed. A measure maintained pending proceedings
     * stays open until the proceedings end, so that case keeps its status.
     */
    @Transactional
    public void close(String caseId) {
        if (require(caseId).status() != CaseStatus.MAINTAINED_PENDING_PROCEEDINGS) {
            move(caseId, CaseStatus.CLOSED, TakedownEvent.SYSTEM, "case closed");
        }
    }

    /** The redress window ended and the model remediation the case required was verified. */
    @Transactional
    public void closeRemedied(String caseId) {
        if (require(caseId).status() != CaseStatus.MAINTAINED_PENDING_PROCEEDINGS) {
            move(caseId, CaseStatus.CLOSED_REMEDIED, TakedownEvent.SYSTEM, "case closed: model remediation verified");
        }
    }

    private void tellBoth(Notice notice, String kind, String subject, String body, Instant now) {
        List<String> recipients = new ArrayList<>();
        recipients.add(notifierAddress(notice));
        notifications.record(notice.id(), notifierAddress(notice), kind, subject, body, null, now);
        for (var target : notice.targets()) {
            String uploader = "uploader-of:" + (target.accountId() != null ? target.accountId() : target.url());
            recipients.add(uploader);
            notifications.record(notice.id(), uploader, kind, subject, body, null, now);
        }
        events.publishEvent(new PartiesNotified(
                UUID.randomUUID(), now, notice.id().toString(), TakedownEvent.SYSTEM, kind, recipients));
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    private String toJson(NoticeSubmission submission) {
        try {
            return json.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String notifierAddress(Notice notice) {
        return "notifier:" + (notice.notifierEmail() != null ? notice.notifierEmail() : notice.organisationId());
    }

    private void move(String caseId, CaseStatus status, String actor, String note) {
        require(caseId).moveTo(status, actor, note, clock.instant());
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

    private CaseView view(Notice n) {
        NoticeSubmission submission = submission(n);
        return new CaseView(
                n.id().toString(),
                n.organisationId(),
                n.status(),
                n.profiles(),
                n.channel(),
                n.notifierName(),
                submission.works().stream().map(NoticeSubmission.Work::title).toList(),
                n.targets().stream().map(NoticeTarget::url).toList(),
                n.receivedAt(),
                n.history().stream()
                        .map(h -> new CaseView.HistoryEntry(h.status(), h.actor(), h.note(), h.at()))
                        .toList(),
                submission);
    }

    private NoticeSubmission submission(Notice n) {
        try {
            return json.readValue(n.body(), NoticeSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice " + n.id() + " is unreadable", e);
        }
    }
}
