package dev.takedown.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.events.CounterNoticeDelivered;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.LegalActionProofFiled;
import dev.takedown.events.LetterDelivered;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.events.ProceedingsConcluded;
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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to a decision: the uploader's counter-notice, the rights holder's proof of proceedings and how they
 * ended, and the rights holder's retraction. Each is checked against where the case stands; nothing changes when it does not fit. The owner
 * of the counter-notice and proof records: the lifecycle marks a counter-notice forwarded through it, and the
 * deadlines read its times here.
 */
@Service
public class CounterNotices {

    // a complaint runs beside the redress routes (DSA Art. 20), so its statuses leave them open
    private static final Set<CaseStatus> ANSWERABLE =
            Set.of(CaseStatus.NOTIFIED, CaseStatus.APPEAL_REVIEW, CaseStatus.APPEAL_UPHELD, CaseStatus.APPEAL_REVERSED);
    private static final Set<CaseStatus> RETRACTABLE = Set.of(
            CaseStatus.NOTIFIED,
            CaseStatus.COUNTER_NOTICE_FORWARDED,
            CaseStatus.APPEAL_REVIEW,
            CaseStatus.APPEAL_UPHELD,
            CaseStatus.APPEAL_REVERSED);

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

    /**
     * Proof that the rights holder started proceedings that keep the measure under the case's law; only the rights
     * holder's organisation. Under US_DMCA only an action seeking a court order does (17 U.S.C. 512(g)(2)(C)): a
     * complaint to an authority is refused, naming {@code kind}, and the restore stays on its date.
     *
     * @throws AnswerInvalidException the kind of proceedings does not keep the measure under this law
     * @throws CaseStateException     the case is not waiting for proof
     */
    @Transactional
    public void fileLegalActionProof(String caseId, ProceedingsKind kind, String reference, Caller caller) {
        Notice notice = own(caseId, caller);
        JurisdictionProfile profile = notice.governingProfile();
        if (!kind.keepsTheMeasureUnder(profile)) {
            throw new AnswerInvalidException(List.of(new FieldProblem(
                    "kind",
                    "under " + profile + " only notice that the complainant filed an action seeking a court order "
                            + "(LAWSUIT) stops the restore (17 U.S.C. 512(g)(2)(C)); " + kind + " does not")));
        }
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
                    kind.name(),
                    reference,
                    caller.actor(),
                    Timestamp.from(now));
        } catch (DuplicateKeyException second) {
            throw new CaseStateException("proof was already filed on case " + caseId);
        }
        events.publishEvent(new LegalActionProofFiled(UUID.randomUUID(), now, caseId, caller.actor(), kind.name()));
    }

    /**
     * Staff record how the proceedings that kept the measure ended: upheld, the case closes with the measure in place;
     * dismissed or withdrawn, the content is restored. Both parties are told (by the counter-notice process).
     *
     * @throws CaseStateException the case has no measure maintained pending proceedings
     */
    @Transactional
    public void recordProceedingsOutcome(String caseId, ProceedingsOutcome outcome, String reference, Caller caller) {
        if (!caller.isStaff()) {
            throw new CaseNotFoundException(caseId);
        }
        Notice notice = load(caseId);
        if (notice.getStatus() != CaseStatus.MAINTAINED_PENDING_PROCEEDINGS) {
            throw new CaseStateException(
                    "case " + caseId + " has no measure maintained pending proceedings (" + notice.getStatus() + ")");
        }
        events.publishEvent(new ProceedingsConcluded(
                UUID.randomUUID(), clock.instant(), caseId, caller.actor(), outcome.name(), reference));
    }

    /**
     * The rights holder withdraws its notice; the lifecycle lifts what was applied. Also while a counter-notice waits
     * for its restore date: in a US case the only way the measure ends before business day 10.
     */
    @Transactional
    public void retract(String caseId, Caller caller) {
        Notice notice = own(caseId, caller);
        if (!RETRACTABLE.contains(notice.getStatus()) || !actionTaken(notice)) {
            throw new CaseStateException(
                    "case " + caseId + " has no applied measure to withdraw (" + notice.getStatus() + ")");
        }
        events.publishEvent(new NoticeRetracted(UUID.randomUUID(), clock.instant(), caseId, caller.actor()));
    }

    /**
     * The copy of the counter-notice reached the rights holder: opened, deemed delivered, or confirmed by a moderator
     * (correspondence). That is its delivery, from which the Chinese wait runs (E-Commerce Law Art. 43); the first
     * delivery counts, and only it is announced ({@link CounterNoticeDelivered}, which the workflow waits for).
     */
    @ApplicationModuleListener
    void on(LetterDelivered delivered) {
        if (!LetterKind.COUNTER_NOTICE_COPY.name().equals(delivered.kind())) {
            return;
        }
        UUID caseId = UUID.fromString(delivered.caseId());
        Optional<String> counterNoticeId = jdbc
                .queryForList(
                        "update counter_notice set delivered_at = ? where case_id = ? and delivered_at is null "
                                + "returning id",
                        String.class,
                        Timestamp.from(delivered.deliveredAt()),
                        caseId)
                .stream()
                .findFirst();
        counterNoticeId.ifPresent(id -> events.publishEvent(new CounterNoticeDelivered(
                UUID.randomUUID(),
                clock.instant(),
                delivered.caseId(),
                delivered.actor(),
                id,
                delivered.letterId(),
                delivered.basis(),
                delivered.deliveredAt())));
    }

    /** The counter-notice as the uploader gave it, and when the platform received it; empty without one. */
    @Transactional(readOnly = true)
    public Optional<Filed> filed(String caseId) {
        return jdbc
                .query(
                        "select body, received_at from counter_notice where case_id = ?",
                        (rs, row) -> new Filed(
                                read(rs.getString("body")),
                                rs.getTimestamp("received_at").toInstant()),
                        load(caseId).getId())
                .stream()
                .findFirst();
    }

    /** A counter-notice on file. */
    public record Filed(CounterNoticeSubmission submission, Instant receivedAt) {}

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
     * @param deliveredAt CN: the 15 days run from the delivery of its copy to the rights holder; {@code null} until
     *                    the copy was delivered
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

    private CounterNoticeSubmission read(String body) {
        try {
            return json.readValue(body, CounterNoticeSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored counter-notice is not readable", e);
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
