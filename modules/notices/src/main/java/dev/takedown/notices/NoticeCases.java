package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CaseViewed;
import dev.takedown.events.PartiesNotified;
import dev.takedown.events.TakedownEvent;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import dev.takedown.notices.internal.NoticeTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading cases (tenant-scoped) and moving them through the lifecycle on behalf of the workflow and review. */
@Service
public class NoticeCases {

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    NoticeCases(NoticeRepository notices, ApplicationEventPublisher events, ObjectMapper json, Optional<Clock> clock) {
        this.notices = notices;
        this.events = events;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The case if the reader may see it; another organisation's case is indistinguishable from none. */
    @Transactional
    public Optional<CaseView> find(String caseId, Reader reader) {
        Optional<Notice> found = load(caseId)
                .filter(n -> reader.mayRead(n.organisationId()));
        found.ifPresent(n -> {
            if (reader.isStaff()) {
                events.publishEvent(new CaseViewed(UUID.randomUUID(), clock.instant(), caseId, reader.actor(),
                        reader.role()));
            }
        });
        return found.map(this::view);
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> list(Reader reader) {
        List<Notice> found = reader.isStaff() ? notices.findTop200ByOrderByReceivedAtDesc()
                : reader.organisationId() == null ? List.of()
                : notices.findByOrganisationIdOrderByReceivedAtDesc(reader.organisationId());
        return found.stream().map(n -> new CaseSummary(n.id().toString(), n.status(), n.workTitle(),
                n.targets().size(), n.receivedAt())).toList();
    }

    /** Re-checks the stored notice against its profiles; empty means complete. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(String caseId) {
        return JurisdictionProfile.check(submission(require(caseId)));
    }

    @Transactional(readOnly = true)
    public List<String> targetUrls(String caseId) {
        return require(caseId).targets().stream().map(NoticeTarget::url).toList();
    }

    @Transactional(readOnly = true)
    public CaseStatus status(String caseId) {
        return require(caseId).status();
    }

    @Transactional
    public void startReview(String caseId) {
        move(caseId, CaseStatus.UNDER_REVIEW, TakedownEvent.SYSTEM, "complete under its profiles; queued for review");
    }

    /** Closes a notice that lacks required elements and tells the notifier which ones. */
    @Transactional
    public void closeIncomplete(String caseId, List<FieldProblem> problems) {
        Notice notice = require(caseId);
        Instant now = clock.instant();
        String missing = problems.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        if (notice.moveTo(CaseStatus.CLOSED_INCOMPLETE, TakedownEvent.SYSTEM, "missing: " + missing, now)) {
            events.publishEvent(new PartiesNotified(UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM,
                    "INCOMPLETE", List.of(notifierAddress(notice))));
        }
    }

    @Transactional
    public void recordEscalation(String caseId, String toGroup) {
        move(caseId, CaseStatus.ESCALATED, TakedownEvent.SYSTEM, "review deadline passed; escalated to " + toGroup);
    }

    @Transactional
    public void recordDecision(String caseId, boolean accepted, String actor, String reason) {
        move(caseId, accepted ? CaseStatus.DECIDED_ACTION : CaseStatus.DECIDED_NO_ACTION, actor, reason);
    }

    @Transactional
    public void recordMeasuresApplied(String caseId, int count) {
        move(caseId, CaseStatus.MEASURE_APPLIED, TakedownEvent.SYSTEM, count + " measure(s) in effect");
    }

    /** Tells the notifier the outcome and, when something was done, the uploader; then closes the case. */
    @Transactional
    public void notifyPartiesAndClose(String caseId) {
        Notice notice = require(caseId);
        boolean acted = notice.status() == CaseStatus.MEASURE_APPLIED || notice.status() == CaseStatus.DECIDED_ACTION;
        List<String> recipients = new ArrayList<>();
        recipients.add(notifierAddress(notice));
        if (acted) {
            notice.targets().forEach(t -> recipients.add("uploader-of:" + t.url()));
        }
        String outcome = acted ? "ACTION_TAKEN" : "NO_ACTION";
        Instant now = clock.instant();
        if (notice.moveTo(CaseStatus.CLOSED, TakedownEvent.SYSTEM,
                "notified " + recipients.size() + " part(ies): " + outcome, now)) {
            events.publishEvent(new PartiesNotified(UUID.randomUUID(), now, caseId, TakedownEvent.SYSTEM, outcome,
                    recipients));
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
        return new CaseView(n.id().toString(), n.organisationId(), n.status(), n.profiles(), n.channel(),
                n.notifierName(), submission.works().stream().map(NoticeSubmission.Work::title).toList(),
                n.targets().stream().map(NoticeTarget::url).toList(), n.receivedAt(),
                n.history().stream().map(h -> new CaseView.HistoryEntry(h.status(), h.actor(), h.note(), h.at()))
                        .toList(), submission);
    }

    private NoticeSubmission submission(Notice n) {
        try {
            return json.readValue(n.body(), NoticeSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice " + n.id() + " is unreadable", e);
        }
    }
}
