package dev.takedown.review;

import dev.takedown.events.AppealFiled;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.NoticeCases;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal complaints against decisions (DSA Art. 20): free, electronic, open to the uploader and the notifier for
 * the profile's window from notification, one per case.
 */
@Service
public class Appeals {

    static final Set<String> GROUNDS =
            Set.of("NOT_ILLEGAL", "NOT_TOS_VIOLATION", "DISPROPORTIONATE", "WRONG_ACCOUNT", "NO_ACTION_UNFOUNDED");

    private final NoticeCases cases;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Appeals(NoticeCases cases, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The notifier's complaint; only the notifier's organisation may file it. */
    @Transactional
    public String fileAsNotifier(String caseId, AppealRequest request, Caller caller) {
        if (caller.isStaff() || cases.find(caseId, caller).isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
        return file(caseId, "NOTIFIER", request, caller.actor());
    }

    /** The uploader's complaint, through the signed link. */
    @Transactional
    public String fileAsUploader(String caseId, AppealRequest request, String actor) {
        return file(caseId, "UPLOADER", request, actor);
    }

    private String file(String caseId, String role, AppealRequest request, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.grounds() == null || !GROUNDS.contains(request.grounds())) {
            problems.add(new FieldProblem("grounds", "one of " + GROUNDS));
        }
        TextBounds.requireWithin("explanation", request.explanation(), 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        CaseStatus status = cases.status(caseId);
        if (status != CaseStatus.NOTIFIED) {
            throw new CaseStateException("case " + caseId + " has no decision open to complaint (" + status + ")");
        }
        Instant now = clock.instant();
        CaseTimers timers = cases.timers(caseId);
        Instant legalEnd = timers.complaintWindowEnds().orElseThrow();
        // a demo shortens the period from its start, as the lifecycle's timer does
        Instant windowEnds = timers.notifiedAt()
                .plus(Duration.between(timers.notifiedAt(), legalEnd).dividedBy(timers.timeCompression()));
        if (now.isAfter(windowEnds)) {
            throw new CaseStateException("the complaint window of case " + caseId + " closed at " + windowEnds);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.update(
                    "insert into appeal (id, case_id, complainant_role, grounds, explanation, filed_by, filed_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    caseId,
                    role,
                    request.grounds(),
                    request.explanation(),
                    actor,
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("an appeal was already filed on case " + caseId);
        }
        events.publishEvent(new AppealFiled(UUID.randomUUID(), now, caseId, actor, id.toString(), role));
        return id.toString();
    }
}
