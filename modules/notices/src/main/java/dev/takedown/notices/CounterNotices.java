package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.LegalActionProofFiled;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.internal.Notice;
import dev.takedown.notices.internal.NoticeRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to a decision: the uploader's counter-notice, the rights holder's proof of proceedings, and the rights
 * holder's retraction. Each is checked against where the case stands; nothing changes when it does not fit.
 */
@Service
public class CounterNotices {

    private static final Set<CaseStatus> ANSWERABLE = Set.of(CaseStatus.NOTIFIED);

    private final NoticeRepository notices;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    CounterNotices(
            NoticeRepository notices,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The uploader's counter-notice; one per case, only against measures that were applied. */
    @Transactional
    public String file(String caseId, CounterNoticeSubmission counter, String actor) {
        Notice notice = load(caseId);
        JurisdictionProfile profile = notice.governingProfile();
        List<FieldProblem> problems = profile.checkCounterNotice(counter);
        if (!problems.isEmpty()) {
            throw new CounterNoticeInvalidException(problems);
        }
        if (!ANSWERABLE.contains(notice.status()) || !"ACTION_TAKEN".equals(notice.outcome())) {
            throw new CaseStateException(
                    "case " + caseId + " has no applied measure awaiting a counter-notice (" + notice.status() + ")");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into counter_notice (id, case_id, body, filed_by, received_at) values (?, ?, ?::jsonb, ?, ?)",
                    id,
                    notice.id(),
                    write(counter),
                    actor,
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("a counter-notice was already filed on case " + caseId);
        }
        notice.note(actor, "counter-notice received", now);
        events.publishEvent(new CounterNoticeFiled(UUID.randomUUID(), now, caseId, actor, id.toString()));
        return id.toString();
    }

    /** Proof that the rights holder complained to an authority or sued; only the rights holder's organisation. */
    @Transactional
    public void fileLegalActionProof(String caseId, String kind, String reference, Caller caller) {
        Notice notice = own(caseId, caller);
        if (notice.status() != CaseStatus.COUNTER_NOTICE_FORWARDED) {
            throw new CaseStateException(
                    "case " + caseId + " is not waiting for proof of proceedings (" + notice.status() + ")");
        }
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into legal_action_proof (id, case_id, kind, reference, filed_by, filed_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    notice.id(),
                    kind,
                    reference,
                    caller.actor(),
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("proof was already filed on case " + caseId);
        }
        events.publishEvent(new LegalActionProofFiled(UUID.randomUUID(), now, caseId, caller.actor()));
    }

    /** The rights holder withdraws its notice; the lifecycle lifts what was applied. */
    @Transactional
    public void retract(String caseId, Caller caller) {
        Notice notice = own(caseId, caller);
        if (notice.status() != CaseStatus.NOTIFIED || !"ACTION_TAKEN".equals(notice.outcome())) {
            throw new CaseStateException(
                    "case " + caseId + " has no applied measure to withdraw (" + notice.status() + ")");
        }
        events.publishEvent(new NoticeRetracted(UUID.randomUUID(), clock.instant(), caseId, caller.actor()));
    }

    private Notice own(String caseId, Caller caller) {
        Notice notice = load(caseId);
        if (caller.isStaff() || !caller.mayRead(notice.organisationId())) {
            throw new CaseNotFoundException(caseId);
        }
        return notice;
    }

    private Notice load(String caseId) {
        try {
            return notices.findById(UUID.fromString(caseId)).orElseThrow(() -> new CaseNotFoundException(caseId));
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new CaseNotFoundException(caseId);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
