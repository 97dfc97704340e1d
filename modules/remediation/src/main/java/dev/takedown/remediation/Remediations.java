package dev.takedown.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.kernel.Caller;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.NoticeCases;
import dev.takedown.screening.ReplayResult;
import dev.takedown.screening.Screening;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model remediation (issue 11 part 2). An accepted notice on generated output, a prompt pattern, a model or a LoRA
 * opens one; the model owner records what changed (filter version, model version, optionally terms that widen the
 * case's filter measures); verification reads the latest replay of each applied filter measure's suite that ran after
 * the change and passes only when every prompt of every suite is blocked.
 *
 * <p>A case without any applied filter measure carrying a replay suite cannot be verified: each verification fails
 * with {@link VerificationOutcome#NO_REPLAY_SUITE}, so the remediation stays open and escalates when due. Checking a
 * model change needs prompts that must stay blocked; "trust the owner" is not verification.
 */
@Service
@EnableConfigurationProperties(RemediationSettings.class)
public class Remediations {

    /** Target types whose accepted notice obliges the provider to optimise the model (Interim Measures Art. 14). */
    public static final Set<String> MODEL_TARGETS = Set.of("GENERATED_OUTPUT", "PROMPT_PATTERN", "MODEL", "LORA");
    /** Who is alerted when a remediation is overdue. */
    public static final String ESCALATION_GROUP = "COMPLIANCE_OFFICER";

    /** remediation.last_failure holds 4000 characters; the full list stays in the verification row. */
    private static final int MAX_FAILURE = 4000;

    /** What the lifecycle finds when it is about to close the case. */
    public enum CloseGate {
        NONE,
        PENDING,
        VERIFIED
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final NoticeCases cases;
    private final Measures measures;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final RemediationSettings settings;
    private final int timeCompression;
    private final Clock clock;

    Remediations(
            JdbcTemplate jdbc,
            NoticeCases cases,
            Measures measures,
            Screening screening,
            ApplicationEventPublisher events,
            ObjectMapper json,
            RemediationSettings settings,
            @Value("${takedown.time-compression:1}") int timeCompression,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.measures = measures;
        this.screening = screening;
        this.events = events;
        this.json = json;
        this.settings = settings;
        this.timeCompression = Math.max(1, timeCompression);
        this.clock = clock;
    }

    /** Whether the case's accepted notice targets a model's output or the model itself and measures are in effect. */
    @Transactional(readOnly = true)
    public boolean required(String caseId) {
        return cases.targets(caseId).stream()
                        .anyMatch(t -> MODEL_TARGETS.contains(t.type().name()))
                && measures.forCase(caseId).stream().anyMatch(m -> m.status() == MeasureStatus.APPLIED);
    }

    /** Opens the case's remediation, once (a retried job finds it open). */
    @Transactional
    public RemediationView open(String caseId) {
        Instant now = clock.instant();
        jdbc.update(
                "insert into remediation (id, case_id, status, opened_at, due_at) values (?, ?, 'AWAITING_OWNER', "
                        + "?, ?) on conflict (case_id) do nothing",
                UUID.randomUUID(),
                caseId,
                Timestamp.from(now),
                Timestamp.from(now.plus(settings.due())));
        cases.note(caseId, TakedownEvent.SYSTEM, "model remediation opened; due " + now.plus(settings.due()));
        return forCase(caseId).orElseThrow();
    }

    /**
     * A filter measure's replay suite failed on screening node {@code node} (issue 4 item 7): the case gets a model
     * remediation — a new one, or its verified or withdrawn one reopened if the replay ran after that — unless one is
     * open already. Every node replays and reports, after every index change, so this is called many times for one
     * failure; the row lock and the status check let only the first call change anything. Reports about a measure no
     * longer applied are ignored. Returns whether a remediation was opened.
     */
    @Transactional
    public boolean openForFailedReplay(
            String caseId, String measureId, int failedPrompts, String node, Instant replayedAt) {
        if (measures.forCase(caseId).stream()
                .noneMatch(m -> m.measureId().equals(measureId) && m.status() == MeasureStatus.APPLIED)) {
            return false;
        }
        Instant now = clock.instant();
        Instant due = now.plus(settings.due());
        ReplayResult local = screening.replayResults().get(measureId);
        String failure = "the replay suite of measure " + measureId + " failed on screening node " + node + ": "
                + failedPrompts + " prompt(s) no longer blocked"
                + (local == null || local.failedPrompts().isEmpty()
                        ? ""
                        : ": " + String.join(" | ", local.failedPrompts()));
        failure = failure.substring(0, Math.min(failure.length(), MAX_FAILURE));
        List<Map<String, Object>> existing = jdbc.queryForList(
                "select id, status, verified_at, withdrawn_at " + "from remediation where case_id = ? for update",
                caseId);
        boolean opened;
        if (existing.isEmpty()) {
            opened = jdbc.update(
                            "insert into remediation (id, case_id, status, opened_at, due_at, last_failure) "
                                    + "values (?, ?, 'AWAITING_OWNER', ?, ?, ?) on conflict (case_id) do nothing",
                            UUID.randomUUID(),
                            caseId,
                            Timestamp.from(now),
                            Timestamp.from(due),
                            failure)
                    == 1;
        } else {
            Map<String, Object> row = existing.get(0);
            Object closedAt =
                    switch ((String) row.get("status")) {
                        case "VERIFIED" -> row.get("verified_at");
                        case "WITHDRAWN" -> row.get("withdrawn_at");
                        default -> null;
                    };
            // a report from before the verification is the failure that verification already dealt with
            opened = closedAt instanceof Timestamp closed
                    && replayedAt.isAfter(closed.toInstant())
                    && jdbc.update(
                                    "update remediation set status = 'AWAITING_OWNER', due_at = ?, escalated_at = null, "
                                            + "verified_at = null, withdrawn_at = null, last_failure = ? where id = ? "
                                            + "and status in ('VERIFIED', 'WITHDRAWN')",
                                    Timestamp.from(due),
                                    failure,
                                    row.get("id"))
                            == 1;
        }
        if (opened) {
            RemediationView remediation = forCase(caseId).orElseThrow();
            cases.note(caseId, TakedownEvent.SYSTEM, "model remediation opened: " + failure + "; due " + due);
            events.publishEvent(new RemediationOpened(caseId, remediation.remediationId(), measureId));
        }
        return opened;
    }

    @Transactional(readOnly = true)
    public Optional<RemediationView> forCase(String caseId) {
        return jdbc.query("select * from remediation where case_id = ?", Remediations::view, caseId).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public RemediationView find(String remediationId) {
        return jdbc.query("select * from remediation where id = ?", Remediations::view, uuid(remediationId)).stream()
                .findFirst()
                .orElseThrow(() -> new RemediationNotFoundException(remediationId));
    }

    /** Remediations in {@code status}, or every one not yet verified when it is null; the most urgent first. */
    @Transactional(readOnly = true)
    public List<RemediationView> list(RemediationStatus status) {
        return status == null
                ? jdbc.query(
                        "select * from remediation where status in ('AWAITING_OWNER', 'VERIFYING') order by due_at",
                        Remediations::view)
                : jdbc.query(
                        "select * from remediation where status = ? order by due_at",
                        Remediations::view,
                        status.name());
    }

    /** When the overdue timer fires: the due date, shortened by the demo time compression like the statutory waits. */
    @Transactional(readOnly = true)
    public Date dueTimer(String caseId) {
        Instant due = forCase(caseId)
                .orElseThrow(() -> new RemediationNotFoundException(caseId))
                .dueAt();
        Instant now = clock.instant();
        if (timeCompression <= 1 || !due.isAfter(now)) {
            return Date.from(due);
        }
        return Date.from(now.plus(Duration.between(now, due).dividedBy(timeCompression)));
    }

    /** ISO-8601 duration the process waits before looking again for a replay that ran after the change. */
    public String replayWait() {
        return settings.replayWait().toString();
    }

    /**
     * Records what the owner changed. {@code addedTerms} replace the case's applied filter measures by wider ones
     * (their suites replay when screening rebuilds); without them the suites are replayed as they are, since the
     * model itself changed.
     */
    @Transactional
    public RemediationChange recordChange(
            String remediationId,
            String filterVersion,
            String modelVersion,
            String description,
            List<String> addedTerms,
            String actor) {
        RemediationView remediation = find(remediationId);
        int moved = jdbc.update(
                "update remediation set status = 'VERIFYING' " + "where id = ? and status = 'AWAITING_OWNER'",
                uuid(remediationId));
        if (moved != 1) {
            throw new RemediationConflictException("remediation " + remediationId + " is "
                    + find(remediationId).status() + ", not waiting for a change");
        }
        Instant now = clock.instant();
        UUID changeId = UUID.randomUUID();
        List<String> terms = addedTerms == null ? List.of() : List.copyOf(addedTerms);
        jdbc.update(
                "insert into remediation_change (id, remediation_id, filter_version, model_version, description, "
                        + "added_terms, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                changeId,
                uuid(remediationId),
                filterVersion,
                modelVersion,
                description,
                write(terms),
                actor,
                Timestamp.from(now));
        cases.note(
                remediation.caseId(),
                actor,
                "model remediation change recorded: filter "
                        + (filterVersion == null ? "-" : filterVersion) + ", model "
                        + (modelVersion == null ? "-" : modelVersion));
        if (terms.isEmpty()) {
            screening.replayNow();
        } else {
            measures.widenFilters(remediation.caseId(), terms, actor);
        }
        events.publishEvent(new RemediationChangeRecorded(remediation.caseId(), remediationId, changeId.toString()));
        return new RemediationChange(changeId.toString(), filterVersion, modelVersion, description, terms, actor, now);
    }

    /**
     * Verifies the latest change against the replay of every applied filter measure with a suite. PENDING (nothing
     * stored) until each of them was replayed after the change; PASSED marks the remediation verified; FAILED and
     * NO_REPLAY_SUITE hand it back to the owner with the reason.
     */
    @Transactional
    public VerificationOutcome verify(String caseId) {
        RemediationView remediation = forCase(caseId).orElseThrow(() -> new RemediationNotFoundException(caseId));
        List<RemediationChange> changes = changes(remediation.remediationId());
        if (changes.isEmpty()) {
            throw new IllegalStateException("remediation of case " + caseId + " has no change to verify");
        }
        RemediationChange change = changes.get(changes.size() - 1);
        List<MeasureView> suites = measures.forCase(caseId).stream()
                .filter(m -> m.type().isFilter()
                        && m.status() == MeasureStatus.APPLIED
                        && m.rule() != null
                        && !m.rule().replayPrompts().isEmpty())
                .toList();
        Instant now = clock.instant();
        if (suites.isEmpty()) {
            record(
                    remediation,
                    change,
                    VerificationOutcome.NO_REPLAY_SUITE,
                    List.of(),
                    0,
                    List.of(),
                    null,
                    now,
                    "the case has no applied filter measure with a replay suite, so no change can be verified");
            return VerificationOutcome.NO_REPLAY_SUITE;
        }
        Map<String, ReplayResult> replays = screening.replayResults();
        int passed = 0;
        List<String> failed = new ArrayList<>();
        Instant replayedAt = null;
        for (MeasureView suite : suites) {
            ReplayResult replay = replays.get(suite.measureId());
            if (replay == null || replay.at().isBefore(change.recordedAt())) {
                return VerificationOutcome.PENDING;
            }
            passed += replay.passed();
            failed.addAll(replay.failedPrompts());
            replayedAt = replayedAt == null || replay.at().isAfter(replayedAt) ? replay.at() : replayedAt;
        }
        List<String> ids = suites.stream().map(MeasureView::measureId).toList();
        VerificationOutcome outcome = failed.isEmpty() ? VerificationOutcome.PASSED : VerificationOutcome.FAILED;
        String failure =
                failed.size() + " prompt(s) of the replay suite are still generated: " + String.join(" | ", failed);
        record(
                remediation,
                change,
                outcome,
                ids,
                passed,
                failed,
                replayedAt,
                now,
                failed.isEmpty() ? null : failure.substring(0, Math.min(failure.length(), MAX_FAILURE)));
        return outcome;
    }

    private void record(
            RemediationView remediation,
            RemediationChange change,
            VerificationOutcome outcome,
            List<String> measureIds,
            int passed,
            List<String> failed,
            Instant replayedAt,
            Instant now,
            String failure) {
        jdbc.update(
                "insert into remediation_verification (id, remediation_id, change_id, outcome, measure_ids, "
                        + "passed, failed_prompts, replayed_at, checked_at) values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)",
                UUID.randomUUID(),
                uuid(remediation.remediationId()),
                uuid(change.changeId()),
                outcome.name(),
                write(measureIds),
                passed,
                write(failed),
                replayedAt == null ? null : Timestamp.from(replayedAt),
                Timestamp.from(now));
        // the row lock taken here orders this against the lifecycle's close gate (see closeGate)
        if (outcome == VerificationOutcome.PASSED) {
            jdbc.update(
                    "update remediation set status = 'VERIFIED', verified_at = ?, last_failure = null where id = ?",
                    Timestamp.from(now),
                    uuid(remediation.remediationId()));
            cases.note(
                    remediation.caseId(),
                    TakedownEvent.SYSTEM,
                    "model remediation verified: " + passed + " replay prompt(s) blocked");
        } else {
            jdbc.update(
                    "update remediation set status = 'AWAITING_OWNER', last_failure = ? where id = ?",
                    failure,
                    uuid(remediation.remediationId()));
            cases.note(remediation.caseId(), TakedownEvent.SYSTEM, "model remediation not verified: " + failure);
        }
    }

    /**
     * Whether the lifecycle must wait for the verification before it closes the case. Locks the remediation row, so
     * a verification committing concurrently either is seen here or sees the lifecycle already waiting for its
     * message. A case whose measures were all lifted (restored, retracted) has nothing left to remedy.
     */
    @Transactional
    public CloseGate closeGate(String caseId) {
        List<String> status =
                jdbc.queryForList("select status from remediation where case_id = ? for update", String.class, caseId);
        if (status.isEmpty() || measures.forCase(caseId).stream().noneMatch(m -> m.status() == MeasureStatus.APPLIED)) {
            return CloseGate.NONE;
        }
        return status.get(0).equals("VERIFIED") ? CloseGate.VERIFIED : CloseGate.PENDING;
    }

    /**
     * Every measure of the case was lifted (restored, reversed, retracted): an unverified remediation is withdrawn,
     * there being nothing left to remedy. True while the case's remediation stands withdrawn, so a redelivered event
     * still ends its process.
     */
    @Transactional
    public boolean withdrawIfMeasuresLifted(String caseId) {
        if (measures.forCase(caseId).stream().anyMatch(m -> m.status() == MeasureStatus.APPLIED)) {
            return false;
        }
        if (jdbc.update(
                        "update remediation set status = 'WITHDRAWN', withdrawn_at = ? where case_id = ? "
                                + "and status in ('AWAITING_OWNER', 'VERIFYING')",
                        Timestamp.from(clock.instant()),
                        caseId)
                == 1) {
            cases.note(
                    caseId, TakedownEvent.SYSTEM, "model remediation withdrawn: every measure of the case was lifted");
            return true;
        }
        return jdbc.queryForList("select status from remediation where case_id = ?", String.class, caseId)
                .contains("WITHDRAWN");
    }

    /** The due date passed: compliance is alerted once, the owner keeps the task. */
    @Transactional
    public void escalate(String caseId) {
        Instant now = clock.instant();
        if (jdbc.update(
                        "update remediation set escalated_at = ? where case_id = ? and escalated_at is null",
                        Timestamp.from(now),
                        caseId)
                == 1) {
            cases.note(caseId, TakedownEvent.SYSTEM, "model remediation overdue; escalated to " + ESCALATION_GROUP);
            events.publishEvent(new TaskEscalated(
                    UUID.randomUUID(),
                    now,
                    caseId,
                    TakedownEvent.SYSTEM,
                    ESCALATION_GROUP,
                    "model remediation overdue"));
        }
    }

    @Transactional(readOnly = true)
    public List<RemediationChange> changes(String remediationId) {
        return jdbc.query(
                "select * from remediation_change where remediation_id = ? order by recorded_at, id",
                (rs, row) -> new RemediationChange(
                        rs.getString("id"),
                        rs.getString("filter_version"),
                        rs.getString("model_version"),
                        rs.getString("description"),
                        read(rs.getString("added_terms")),
                        rs.getString("recorded_by"),
                        instant(rs, "recorded_at")),
                uuid(remediationId));
    }

    @Transactional(readOnly = true)
    public List<RemediationVerification> verifications(String remediationId) {
        return jdbc.query(
                "select * from remediation_verification where remediation_id = ? order by checked_at, id",
                (rs, row) -> new RemediationVerification(
                        rs.getString("id"),
                        rs.getString("change_id"),
                        VerificationOutcome.valueOf(rs.getString("outcome")),
                        read(rs.getString("measure_ids")),
                        rs.getInt("passed"),
                        read(rs.getString("failed_prompts")),
                        instant(rs, "replayed_at"),
                        instant(rs, "checked_at")),
                uuid(remediationId));
    }

    /** The regulator report of the case's remediation; {@code caller} must be staff (the read is access-logged). */
    @Transactional(readOnly = true)
    public RemediationReport report(String caseId, Caller caller) {
        RemediationView remediation = forCase(caseId).orElseThrow(() -> new RemediationNotFoundException(caseId));
        CaseView view = cases.find(caseId, caller).orElseThrow(() -> new RemediationNotFoundException(caseId));
        return new RemediationReport(
                view,
                remediation,
                measures.forCase(caseId),
                changes(remediation.remediationId()),
                verifications(remediation.remediationId()),
                "/api/audit/cases/" + caseId + "/bundle",
                clock.instant());
    }

    private static RemediationView view(ResultSet rs, int row) throws SQLException {
        return new RemediationView(
                rs.getString("id"),
                rs.getString("case_id"),
                RemediationStatus.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                instant(rs, "due_at"),
                instant(rs, "escalated_at"),
                instant(rs, "verified_at"),
                rs.getString("last_failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new RemediationNotFoundException(id);
        }
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> read(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable remediation column", e);
        }
    }
}
