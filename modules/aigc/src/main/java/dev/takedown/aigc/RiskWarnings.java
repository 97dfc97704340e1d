package dev.takedown.aigc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.CaseTargets;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.NoticeIncompleteException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which version of the user agreement and of the risk warning each platform user saw, and when, as the platform
 * reports it (API or Kafka). A case shows, per target with an uploader account, what that uploader had been warned
 * of when the output was generated: the Ultraman court faulted a platform for missing risk warnings.
 */
@Service
public class RiskWarnings {

    private final JdbcTemplate jdbc;
    private final NoticeCases cases;
    private final Clock clock;

    RiskWarnings(JdbcTemplate jdbc, NoticeCases cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /** One acknowledgement as the platform reports it; {@code shown_at} is ISO-8601. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Acknowledgement(
            String accountId, String agreementVersion, String riskWarningVersion, String shownAt) {}

    /** What a target's uploader had seen by the time the output was generated (or the notice arrived). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TargetWarning(
            int targetIndex, String url, String accountId, Instant generatedAt, Acknowledgement acknowledgement) {}

    /** Every problem of the report, by field; empty when it can be recorded. */
    public static List<FieldProblem> problems(Acknowledgement ack) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ack == null) {
            return List.of(new FieldProblem("$", "an acknowledgement is required"));
        }
        required("account_id", ack.accountId(), 200, problems);
        required("agreement_version", ack.agreementVersion(), 100, problems);
        required("risk_warning_version", ack.riskWarningVersion(), 100, problems);
        if (ack.shownAt() == null || ack.shownAt().isBlank()) {
            problems.add(new FieldProblem("shown_at", "when the user saw them is required (ISO-8601)"));
        } else {
            try {
                Instant.parse(ack.shownAt());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("shown_at", "an ISO-8601 instant, e.g. 2025-09-01T08:00:00Z"));
            }
        }
        return problems;
    }

    @Transactional
    public void record(Acknowledgement ack, String reportedBy) {
        List<FieldProblem> problems = problems(ack);
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        jdbc.update(
                "insert into risk_warning_ack (account_id, agreement_version, risk_warning_version, shown_at, "
                        + "reported_by, received_at) values (?, ?, ?, ?, ?, ?)",
                ack.accountId().strip(),
                ack.agreementVersion().strip(),
                ack.riskWarningVersion().strip(),
                Timestamp.from(Instant.parse(ack.shownAt())),
                reportedBy,
                Timestamp.from(clock.instant()));
    }

    /** Per target with an uploader account: the latest acknowledgement before the output's generation time. */
    @Transactional(readOnly = true)
    public List<TargetWarning> forCase(String caseId) {
        CaseTargets filed = cases.findTargets(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        List<TargetWarning> warnings = new ArrayList<>();
        List<CaseTarget> targets = filed.targets();
        for (int i = 0; i < targets.size(); i++) {
            CaseTarget target = targets.get(i);
            if (target.accountId() == null) {
                continue;
            }
            Instant at = target.generatedAt() == null ? filed.receivedAt() : target.generatedAt();
            Acknowledgement ack = jdbc.query(
                    "select agreement_version, risk_warning_version, shown_at from "
                            + "risk_warning_ack where account_id = ? and shown_at <= ? order by shown_at desc, id desc limit 1",
                    rs -> rs.next()
                            ? new Acknowledgement(
                                    target.accountId(),
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getTimestamp(3).toInstant().toString())
                            : null,
                    target.accountId(),
                    Timestamp.from(at));
            warnings.add(new TargetWarning(i, target.url(), target.accountId(), target.generatedAt(), ack));
        }
        return warnings;
    }

    private static void required(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else {
            TextBounds.requireWithin(field, value, max, problems);
        }
    }
}
