package dev.takedown.review;

import dev.takedown.events.AppealFiled;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.misuse.Misuse;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NotifierLinks;
import dev.takedown.notices.Submitter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal complaints against decisions (DSA Art. 20): free, electronic, open to each party against each decision
 * that affects it ({@link ComplaintRules}) for the profile's window from the notification of that decision, once per
 * party and decision. Each complaint runs its own review.
 */
@Service
public class Appeals {

    static final Set<String> GROUNDS =
            Set.of("NOT_ILLEGAL", "NOT_TOS_VIOLATION", "DISPROPORTIONATE", "WRONG_ACCOUNT", "NO_ACTION_UNFOUNDED");

    private final NoticeCases cases;
    private final Misuse misuse;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Appeals(NoticeCases cases, Misuse misuse, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.misuse = misuse;
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
        return file(caseId, Complainant.NOTIFIER, request, caller.actor());
    }

    /**
     * A logged-out notifier's complaint, through the signed link its letters carry: the link is its credential, so
     * the complaint is filed for the case's notifier only when the case came through the public channel.
     */
    @Transactional
    public String fileThroughNotifierLink(String caseId, AppealRequest request) {
        String actor = NotifierLinks.actorFor(caseId);
        if (cases.find(caseId, new Caller(actor, Submitter.PUBLIC_ORGANISATION, "RIGHTS_HOLDER"))
                .isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
        return file(caseId, Complainant.NOTIFIER, request, actor);
    }

    /** The uploader's complaint, through the signed link. */
    @Transactional
    public String fileAsUploader(String caseId, AppealRequest request, String actor) {
        return file(caseId, Complainant.UPLOADER, request, actor);
    }

    /** A complaint filed: by whom, against which decision (one per party and decision). */
    record Filed(Complainant complainant, String decisionId) {}

    /** The complaints filed on the case. */
    @Transactional(readOnly = true)
    Set<Filed> filed(String caseId) {
        return Set.copyOf(jdbc.query(
                "select complainant_role, decision_id from appeal where case_id = ?",
                (rs, n) ->
                        new Filed(Complainant.valueOf(rs.getString("complainant_role")), rs.getString("decision_id")),
                caseId));
    }

    /** The complaint with this id. */
    @Transactional(readOnly = true)
    public Complaint complaint(String complaintId) {
        return jdbc
                .query(
                        "select id, case_id, complainant_role, subject, decision_id, filed_by, outcome, decided_by, "
                                + "decided_at, reason from appeal where id = ?",
                        (rs, n) -> new Complaint(
                                rs.getString("id"),
                                rs.getString("case_id"),
                                Complainant.valueOf(rs.getString("complainant_role")),
                                ComplaintSubject.valueOf(rs.getString("subject")),
                                rs.getString("decision_id"),
                                rs.getString("filed_by"),
                                rs.getString("outcome") == null
                                        ? Optional.empty()
                                        : Optional.of(new Complaint.Outcome(
                                                "REVERSE".equals(rs.getString("outcome")),
                                                rs.getString("decided_by"),
                                                rs.getTimestamp("decided_at").toInstant(),
                                                rs.getString("reason")))),
                        UUID.fromString(complaintId))
                .stream()
                .findFirst()
                .orElseThrow(() -> new CaseStateException("no complaint " + complaintId));
    }

    /**
     * Records how the complaint was decided; the first decision stands, so a retried one changes nothing.
     *
     * @return the complaint with its outcome
     */
    @Transactional
    public Complaint decided(String complaintId, boolean reversed, String reason, String moderator) {
        jdbc.update(
                "update appeal set outcome = ?, decided_by = ?, decided_at = ?, reason = ? where id = ? "
                        + "and outcome is null",
                reversed ? "REVERSE" : "UPHOLD",
                moderator,
                Timestamp.from(clock.instant()),
                reason,
                UUID.fromString(complaintId));
        return complaint(complaintId);
    }

    private String file(String caseId, Complainant complainant, AppealRequest request, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.grounds() == null || !GROUNDS.contains(request.grounds())) {
            problems.add(new FieldProblem("grounds", "one of " + GROUNDS));
        }
        TextBounds.requireWithin("explanation", request.explanation(), 4000, problems);
        TextBounds.requireWithin("decision_id", request.decisionId(), 64, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        Instant now = clock.instant();
        CaseTimers timers = cases.timers(caseId);
        ComplaintRules.Target target = ComplaintRules.target(
                caseId,
                complainant,
                request.decisionId(),
                cases.decisions(caseId),
                timers.notifiedAt(),
                request.decisionId() == null ? Optional.empty() : misuse.change(request.decisionId()),
                timers.policy().appealWindow());
        Instant windowEnds = ComplaintRules.closes(target, timers.timeCompression());
        if (now.isAfter(windowEnds)) {
            throw new CaseStateException(
                    "the complaint window against decision " + target.decisionId() + " closed at " + windowEnds);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.update(
                    "insert into appeal (id, case_id, complainant_role, subject, decision_id, grounds, explanation, "
                            + "filed_by, filed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    caseId,
                    complainant.name(),
                    target.subject().name(),
                    target.decisionId(),
                    request.grounds(),
                    request.explanation(),
                    actor,
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("the " + complainant.name().toLowerCase(Locale.ROOT)
                    + " already complained against decision " + target.decisionId());
        }
        events.publishEvent(new AppealFiled(
                UUID.randomUUID(),
                now,
                caseId,
                actor,
                id.toString(),
                complainant.name(),
                target.subject().name(),
                target.decisionId()));
        return id.toString();
    }
}
