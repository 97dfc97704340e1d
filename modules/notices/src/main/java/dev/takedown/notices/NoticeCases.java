package dev.takedown.notices;

import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.LetterView;
import dev.takedown.correspondence.PartyRole;
import dev.takedown.events.CaseViewed;
import dev.takedown.events.ScreeningRule;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.internal.CaseMapper;
import dev.takedown.notices.internal.ListedCase;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeHistoryEntry;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.Submissions;
import dev.takedown.notifiers.StatusCheck;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases: tenant-scoped views for their parties, and the facts triage, deadlines, review and measures work
 * from. Nothing here changes a case; {@link CaseLifecycle} does.
 */
@Service
public class NoticeCases {

    private final NoticeRepository notices;
    private final Submissions submissions;
    private final CaseMapper mapper;
    private final CounterNotices counterNotices;
    private final Correspondence correspondence;
    private final ProfilePolicies policies;
    private final ProtectedWorks works;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeCases(
            NoticeRepository notices,
            Submissions submissions,
            CaseMapper mapper,
            CounterNotices counterNotices,
            Correspondence correspondence,
            ProfilePolicies policies,
            ProtectedWorks works,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.submissions = submissions;
        this.mapper = mapper;
        this.counterNotices = counterNotices;
        this.correspondence = correspondence;
        this.policies = policies;
        this.works = works;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The case if the caller may see it; another organisation's case is indistinguishable from none. Staff reads are
     * logged ({@link CaseViewed}).
     */
    @Transactional
    public Optional<CaseView> find(String caseId, Caller caller) {
        Optional<Notice> found = load(caseId).filter(n -> caller.mayRead(n.getOrganisationId()));
        found.ifPresent(n -> {
            if (caller.isStaff()) {
                events.publishEvent(
                        new CaseViewed(UUID.randomUUID(), clock.instant(), caseId, caller.actor(), caller.role()));
            }
        });
        return found.map(n -> mapper.view(n, submissions.of(n), outcomeOf(n).orElse(null)));
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> list(Caller caller) {
        List<ListedCase> found = caller.isStaff()
                ? notices.listNewest(Limit.of(200))
                : caller.organisationId() == null ? List.of() : notices.listOrganisation(caller.organisationId());
        return found.stream().map(ListedCase::summary).toList();
    }

    /** Re-checks the stored notice against its profiles; empty means complete. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(String caseId) {
        return policies.problems(submissions.of(require(caseId)));
    }

    /** Earlier cases on the same targets (at most 20, newest first), for the reviewer. */
    @Transactional(readOnly = true)
    public List<CaseSummary> casesOnTargets(String caseId) {
        UUID id = require(caseId).getId();
        List<String> urls = notices.findTargetUrls(id, Limit.of(50));
        return urls.isEmpty()
                ? List.of()
                : notices.listOthersOnTargets(urls, id, Limit.of(20)).stream()
                        .map(ListedCase::summary)
                        .toList();
    }

    @Transactional(readOnly = true)
    public List<CaseTarget> targets(String caseId) {
        return require(caseId).getTargets().stream().map(mapper::target).toList();
    }

    /** The case's targets and when its notice arrived, for facts kept beside the case; empty for no such case. */
    @Transactional(readOnly = true)
    public Optional<CaseTargets> findTargets(String caseId) {
        return load(caseId)
                .map(n -> new CaseTargets(
                        n.getReceivedAt(),
                        n.getTargets().stream().map(mapper::target).toList()));
    }

    @Transactional(readOnly = true)
    public CaseStatus status(String caseId) {
        return require(caseId).getStatus();
    }

    /** Whether the notice may be cured rather than closed: it names a work, a target and a contact. */
    @Transactional(readOnly = true)
    public boolean curable(String caseId) {
        return policies.curable(submissions.of(require(caseId)));
    }

    @Transactional(readOnly = true)
    public TriageFacts triageFacts(String caseId) {
        Notice notice = require(caseId);
        NoticeSubmission submission = submissions.of(notice);
        // the status the registries confirmed at intake, never what the notice declares; a notice from before the
        // registries holds no status at all
        String notifierType = notice.getNotifierType() != null
                ? notice.getNotifierType()
                : StatusCheck.none()
                        .notifierType(
                                submission.notifier() == null
                                        ? null
                                        : submission.notifier().type());
        // counted by the database: a queue lists a case with 100,000 uploaded targets as often as any other
        TargetType targetType = TargetType.mostUrgent(notices.findTargetTypes(notice.getId()));
        boolean wellKnown = submission.works().stream()
                .filter(w -> w != null && w.registeredWorkId() != null)
                .anyMatch(w -> works.wellKnown(w.registeredWorkId(), notice.getOrganisationId()));
        return new TriageFacts(
                notice.governingProfile().name(),
                notifierType,
                targetType,
                wellKnown,
                submission.creationEvidence() != null
                        && submission.creationEvidence().isPresent());
    }

    /**
     * What a filter measure on this case blocks: the registered works the notice names (only the notifier's own
     * organisation's), plus the titles and protected terms written into the notice itself.
     */
    @Transactional(readOnly = true)
    public ScreeningRule screeningRule(String caseId) {
        Notice notice = require(caseId);
        NoticeSubmission submission = submissions.of(notice);
        Map<String, WorkDefinition> registered = works.definitions(
                submission.works().stream()
                        .filter(w -> w != null && w.registeredWorkId() != null)
                        .map(NoticeSubmission.Work::registeredWorkId)
                        .toList(),
                notice.getOrganisationId());
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

    /** The decisions taken on the case, in the order they were taken (a notice that joined another case has none). */
    @Transactional(readOnly = true)
    public List<CaseDecision> decisions(String caseId) {
        Notice notice = require(caseId);
        return notice.getDecisions().stream()
                .map(d -> mapper.decision(d, notice.getId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public CaseTimers timers(String caseId) {
        Notice notice = require(caseId);
        JurisdictionProfile profile = notice.governingProfile();
        Optional<CounterNotices.Receipt> counter = counterNotices.receipt(caseId);
        Instant cureRequested = notice.getHistory().stream()
                .filter(h -> h.getStatus() == CaseStatus.INCOMPLETE_CURE)
                .map(NoticeHistoryEntry::getAt)
                .findFirst()
                .orElse(null);
        return new CaseTimers(
                profile,
                policies.of(profile),
                policies.timeCompression(),
                notice.getReceivedAt(),
                notice.getNotifiedAt(),
                counter.map(CounterNotices.Receipt::receivedAt).orElse(null),
                counter.map(CounterNotices.Receipt::deliveredAt).orElse(null),
                cureRequested);
    }

    /** What the case's decisions came to so far; empty before the first decision. */
    @Transactional(readOnly = true)
    public Optional<CaseOutcome> outcome(String caseId) {
        return require(caseId).outcome();
    }

    /**
     * The case's letters its reader may see, with where each is on its way: staff every party's, the notifier's
     * organisation the letters to the notifier (the counter-notice copy among them); nothing for anyone else.
     */
    @Transactional(readOnly = true)
    public List<LetterView> letters(String caseId, Caller caller) {
        return load(caseId)
                .filter(n -> caller.mayRead(n.getOrganisationId()))
                .map(n -> correspondence.letters(n.getId().toString()).stream()
                        .filter(letter -> caller.isStaff() || letter.recipientRole() == PartyRole.NOTIFIER)
                        .toList())
                .orElse(List.of());
    }

    /** Every letter of the case to either party, with where it is on its way (staff: uploaders' letters carry links). */
    @Transactional(readOnly = true)
    public List<LetterView> letters(String caseId) {
        return load(caseId)
                .map(n -> correspondence.letters(n.getId().toString()))
                .orElse(List.of());
    }

    /** A notice that joined another case learns that case's outcome once it has been told it. */
    private Optional<CaseOutcome> outcomeOf(Notice notice) {
        if (notice.getJoinedCaseId() == null) {
            return notice.outcome();
        }
        return notice.getNotifiedAt() == null
                ? Optional.empty()
                : notices.findById(notice.getJoinedCaseId()).flatMap(Notice::outcome);
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
