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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to a decision: the uploader's counter-notice, the rights holder's proof of proceedings, and the rights
 * holder's retraction. Each is checked against where the case stands; nothing changes when it does not fit. The owner
 * of the counter-notice and proof records: the lifecycle marks a counter-notice forwarded through it, and the
 * deadlines read its times here.
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
        if (!ANSWERABLE.contains(notice.getStatus()) || !actionTaken(notice)) {
            throw new CaseStateException("case " + caseId + " has no applied measure awaiting a counter-notice ("
                    + notice.getStatus() + ")");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into counter_notice (id, case_id, body, filed_by, received_at) values (?, ?, ?::jsonb, ?, ?)",
                    id,
                    notice.getId(),
                    write(counter),
                    actor,
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("a counter-notice was already filed on case " + caseId);
        }
        // the lifecycle notes it on the case history (CaseLifecycle listens)
        events.publishEvent(new CounterNoticeFiled(UUID.randomUUID(), now, caseId, actor, id.toString()));
        return id.toString();
    }

    /** Proof that the rights holder complained to an authority or sued; only the rights holder's organisation. */
    @Transactional
    public void fileLegalActionProof(String caseId, String kind, String reference, Caller caller) {
        Notice notice = own(caseId, caller);
        if (notice.getStatus() != CaseStatus.COUNTER_NOTICE_FORWARDED) {
            throw new CaseStateException(
                    "case " + caseId + " is not waiting for proof of proceedings (" + notice.getStatus() + ")");
        }
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into legal_action_proof (id, case_id, kind, reference, filed_by, filed_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    notice.getId(),
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
        if (notice.getStatus() != CaseStatus.NOTIFIED || !actionTaken(notice)) {
            throw new CaseStateException(
                    "case " + caseId + " has no applied measure to withdraw (" + notice.getStatus() + ")");
        }
        events.publishEvent(new NoticeRetracted(UUID.randomUUID(), clock.instant(), caseId, caller.actor()));
    }

    /**
     * The counter-notice was forwarded to the rights holder at {@code at}: its delivery, from which the Chinese wait
     * runs. The first forwarding counts; a repeated one changes nothing.
     */
    @Transactional
    public void markForwarded(String caseId, Instant at) {
        jdbc.update(
                "update counter_notice set delivered_at = ? where case_id = ? and delivered_at is null",
                Timestamp.from(at),
                load(caseId).getId());
    }

    /** When the case's counter-notice arrived and when it was delivered to the rights holder; empty without one. */
    @Transactional(readOnly = true)
    public Optional<Receipt> receipt(String caseId) {
        return jdbc
                .query(
                        "select received_at, delivered_at from counter_notice where case_id = ?",
                        (rs, row) -> new Receipt(
                                rs.getTimestamp("received_at").toInstant(),
                                rs.getTimestamp("delivered_at") == null
                                        ? null
                                        : rs.getTimestamp("delivered_at").toInstant()),
                        load(caseId).getId())
                .stream()
                .findFirst();
    }

    /**
     * @param receivedAt  US: the 10–14 business days run from receipt
     * @param deliveredAt CN: the 15 days run from delivery to the rights holder; {@code null} until forwarded
     */
    public record Receipt(Instant receivedAt, Instant deliveredAt) {}

    private static boolean actionTaken(Notice notice) {
        return notice.outcome().orElse(null) == CaseOutcome.ACTION_TAKEN;
    }

    private Notice own(String caseId, Caller caller) {
        Notice notice = load(caseId);
        if (caller.isStaff() || !caller.mayRead(notice.getOrganisationId())) {
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
