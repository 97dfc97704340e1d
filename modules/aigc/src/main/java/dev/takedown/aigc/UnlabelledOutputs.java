package dev.takedown.aigc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.UnlabelledOutputReported;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import dev.takedown.notices.NoticeIncompleteException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of outputs provided without the explicit label under the user agreement's exception (Labelling Measures
 * Art. 9): each report is an {@link UnlabelledOutputReported} on the ledger, under the reporting credential, kept
 * for the retention class {@code UNLABELLED_OUTPUTS} (at least six months).
 */
@Service
public class UnlabelledOutputs {

    /** One output as the platform reports it; {@code provided_at} is ISO-8601. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(String accountId, String produceId, String providedAt, String agreementVersion) {}

    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnlabelledOutputs(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records the report through the outbox; refused with every problem by field (400), nothing recorded. */
    @Transactional
    public UUID record(Report report, String reportedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report == null) {
            throw new NoticeIncompleteException(List.of(new FieldProblem("$", "a report is required")));
        }
        required("account_id", report.accountId(), 200, problems);
        required("produce_id", report.produceId(), 200, problems);
        required("agreement_version", report.agreementVersion(), 100, problems);
        Instant providedAt = null;
        if (report.providedAt() == null || report.providedAt().isBlank()) {
            problems.add(new FieldProblem("provided_at", "when the output was provided is required (ISO-8601)"));
        } else {
            try {
                providedAt = Instant.parse(report.providedAt());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("provided_at", "an ISO-8601 instant, e.g. 2025-09-01T08:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        UUID id = UUID.randomUUID();
        events.publishEvent(new UnlabelledOutputReported(
                id,
                clock.instant(),
                null,
                reportedBy,
                report.accountId().strip(),
                report.produceId().strip(),
                providedAt,
                report.agreementVersion().strip()));
        return id;
    }

    private static void required(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else {
            TextBounds.requireWithin(field, value, max, problems);
        }
    }
}
