package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.LiftCause;
import dev.takedown.events.OutOfCourtDecided;
import dev.takedown.events.OutOfCourtDecisionImplemented;
import dev.takedown.events.OutOfCourtReferred;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureTarget;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.OutOfCourtBodies;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DSA Art. 21: decisions referred to a certified out-of-court dispute settlement body ({@link OutOfCourtBodies}),
 * the body's outcome, and the implementation of a decision that overturned ours: the measures in effect are lifted,
 * or, where we had taken none, the measures the body found due are planned and applied through the measures module.
 * Compliance officers record each step; each is a ledger fact ({@link OutOfCourtReferred}, {@link OutOfCourtDecided},
 * {@link OutOfCourtDecisionImplemented}).
 */
@Service
public class OutOfCourtSettlements {

    public enum Party {
        NOTIFIER,
        UPLOADER
    }

    public enum Outcome {
        /** Our decision stands. */
        UPHELD,
        /** The body found our decision wrong: we implement its decision. */
        OVERTURNED,
        /** The parties settled before the body. */
        SETTLED,
        /** The dispute ended without a decision (withdrawn, refused by the body). */
        DISCONTINUED
    }

    public enum Implementation {
        LIFTED,
        APPLIED
    }

    /** A referral as recorded: {@code decision_id} absent means the case's latest decision. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReferralRequest(String bodyId, String decisionId, String party, String bodyReference) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutcomeRequest(String outcome, String summary) {}

    /** The measures the body found due, where we had taken none; empty when measures are to be lifted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImplementationRequest(List<String> measures) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Referral(
            String referralId,
            String caseId,
            String decisionId,
            String bodyId,
            String bodyName,
            Party party,
            String bodyReference,
            Instant referredAt,
            String recordedBy,
            Outcome outcome,
            String summary,
            Instant decidedAt,
            Implementation implementation,
            Instant implementedAt) {}

    private final JdbcTemplate jdbc;
    private final NoticeCases cases;
    private final Measures measures;
    private final ApplicationEventPublisher events;
    private final OutOfCourtBodies bodies;
    private final Clock clock;

    OutOfCourtSettlements(
            JdbcTemplate jdbc,
            NoticeCases cases,
            Measures measures,
            ApplicationEventPublisher events,
            OutOfCourtBodies bodies,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.measures = measures;
        this.events = events;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Transactional
    public Referral refer(String caseId, ReferralRequest request, String officer) {
        List<FieldProblem> problems = new ArrayList<>();
        ReferralRequest r = request == null ? new ReferralRequest(null, null, null, null) : request;
        OutOfCourtBodies.Body body = r.bodyId() == null ? null : bodies.bodies().get(r.bodyId());
        if (body == null) {
            problems.add(new FieldProblem(
                    "body_id",
                    "one of the certified bodies configured: " + bodies.bodies().keySet()));
        }
        Party party = parse(Party.class, "party", r.party(), problems);
        TextBounds.requireWithin("body_reference", r.bodyReference(), 200, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        List<CaseDecision> decisions = cases.decisions(caseId);
        if (decisions.isEmpty()) {
            throw new CaseStateException("case " + caseId + " has no decision to refer");
        }
        String decisionId = r.decisionId() == null || r.decisionId().isBlank()
                ? decisions.get(decisions.size() - 1).decisionId()
                : r.decisionId().strip();
        if (decisions.stream().noneMatch(d -> d.decisionId().equals(decisionId))) {
            throw new InvalidDecisionException(
                    List.of(new FieldProblem("decision_id", "no decision of case " + caseId)));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String reference = r.bodyReference() == null || r.bodyReference().isBlank()
                ? null
                : r.bodyReference().strip();
        jdbc.update(
                "insert into out_of_court_referral (id, case_id, decision_id, body_id, party, body_reference,"
                        + " referred_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                caseId,
                decisionId,
                r.bodyId(),
                party.name(),
                reference,
                Timestamp.from(now),
                officer);
        events.publishEvent(new OutOfCourtReferred(
                UUID.randomUUID(),
                now,
                caseId,
                officer,
                id.toString(),
                decisionId,
                r.bodyId(),
                body.name(),
                party.name(),
                reference));
        return referral(id.toString());
    }

    /** The body's outcome, recorded once. */
    @Transactional
    public Referral decide(String referralId, OutcomeRequest request, String officer) {
        List<FieldProblem> problems = new ArrayList<>();
        Outcome outcome = parse(Outcome.class, "outcome", request == null ? null : request.outcome(), problems);
        String summary = request == null ? null : request.summary();
        TextBounds.requireWithin("summary", summary, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        Referral referral = locked(referralId);
        if (referral.outcome() != null) {
            throw new CaseStateException(
                    "the body's outcome of referral " + referralId + " is recorded already: " + referral.outcome());
        }
        Instant now = clock.instant();
        String text = summary == null || summary.isBlank() ? null : summary.strip();
        jdbc.update(
                "update out_of_court_referral set outcome = ?, summary = ?, decided_at = ? where id = ?",
                outcome.name(),
                text,
                Timestamp.from(now),
                UUID.fromString(referralId));
        events.publishEvent(new OutOfCourtDecided(
                UUID.randomUUID(), now, referral.caseId(), officer, referralId, outcome.name(), text));
        return referral(referralId);
    }

    /**
     * Implements a decision that overturned ours, once: with measures in effect they are lifted; with none, the
     * measures the body found due are applied to the case's targets.
     */
    @Transactional
    public Referral implement(String referralId, ImplementationRequest request, String officer) {
        Referral referral = locked(referralId);
        if (referral.outcome() != Outcome.OVERTURNED) {
            throw new CaseStateException("only a decision the body overturned is implemented; referral " + referralId
                    + " is " + (referral.outcome() == null ? "undecided" : referral.outcome()));
        }
        if (referral.implementation() != null) {
            throw new CaseStateException("referral " + referralId + " is implemented already");
        }
        String caseId = referral.caseId();
        boolean inEffect = measures.forCase(caseId).stream().anyMatch(m -> m.status() == MeasureStatus.APPLIED);
        List<String> requested = request == null || request.measures() == null ? List.of() : request.measures();
        Implementation implementation;
        List<String> applied = List.of();
        int count;
        if (inEffect) {
            if (!requested.isEmpty()) {
                throw new InvalidDecisionException(List.of(new FieldProblem(
                        "measures", "the body overturned measures in effect: they are lifted, none applied")));
            }
            count = measures.liftAll(
                    caseId,
                    officer,
                    LiftCause.OUT_OF_COURT,
                    "overturned by " + bodyName(referral) + reference(referral));
            implementation = Implementation.LIFTED;
        } else {
            List<MeasureType> types = measureTypes(requested);
            List<MeasureTarget> targets = cases.targets(caseId).stream()
                    .map(t -> new MeasureTarget(t.url(), t.accountId(), t.sha256()))
                    .toList();
            measures.plan(caseId, referralId, types, targets, null, officer, false);
            count = measures.applyPlanned(caseId);
            implementation = Implementation.APPLIED;
            applied = types.stream().map(Enum::name).toList();
        }
        Instant now = clock.instant();
        jdbc.update(
                "update out_of_court_referral set implementation = ?, implemented_at = ? where id = ?",
                implementation.name(),
                Timestamp.from(now),
                UUID.fromString(referralId));
        events.publishEvent(new OutOfCourtDecisionImplemented(
                UUID.randomUUID(), now, caseId, officer, referralId, implementation.name(), applied, count));
        return referral(referralId);
    }

    /** Every referral of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<Referral> forCase(String caseId) {
        return jdbc.query(
                "select * from out_of_court_referral where case_id = ? order by referred_at, id", this::row, caseId);
    }

    private Referral referral(String referralId) {
        return jdbc.query("select * from out_of_court_referral where id = ?", this::row, id(referralId)).stream()
                .findFirst()
                .orElseThrow(() -> new CaseNotFoundException("referral " + referralId));
    }

    private Referral locked(String referralId) {
        return jdbc
                .query("select * from out_of_court_referral where id = ? for update", this::row, id(referralId))
                .stream()
                .findFirst()
                .orElseThrow(() -> new CaseNotFoundException("referral " + referralId));
    }

    private static UUID id(String referralId) {
        try {
            return UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            throw new CaseNotFoundException("referral " + referralId);
        }
    }

    /** Target measures only: a filter needs a screening rule, which a moderator's decision gives. */
    private static List<MeasureType> measureTypes(List<String> names) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MeasureType> types = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(new FieldProblem("measures", "no measure is in effect: name those the body found due"));
        }
        for (int i = 0; i < names.size(); i++) {
            MeasureType type = parse(MeasureType.class, "measures[" + i + "]", names.get(i), problems);
            if (type != null && type.isFilter()) {
                problems.add(new FieldProblem("measures[" + i + "]", "a filter needs a moderator's screening rule"));
            } else if (type != null) {
                types.add(type);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDecisionException(problems);
        }
        return types;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (value != null && !value.isBlank()) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below with the allowed values
            }
        }
        problems.add(new FieldProblem(field, "one of " + List.of(type.getEnumConstants())));
        return null;
    }

    private String bodyName(Referral referral) {
        return referral.bodyName() == null ? referral.bodyId() : referral.bodyName();
    }

    private static String reference(Referral referral) {
        return referral.bodyReference() == null ? "" : " (" + referral.bodyReference() + ")";
    }

    private Referral row(ResultSet rs, int row) throws SQLException {
        String bodyId = rs.getString("body_id");
        OutOfCourtBodies.Body body = bodies.bodies().get(bodyId);
        return new Referral(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getString("decision_id"),
                bodyId,
                body == null ? null : body.name(),
                Party.valueOf(rs.getString("party")),
                rs.getString("body_reference"),
                instant(rs, "referred_at"),
                rs.getString("recorded_by"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("summary"),
                instant(rs, "decided_at"),
                rs.getString("implementation") == null ? null : Implementation.valueOf(rs.getString("implementation")),
                instant(rs, "implemented_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
