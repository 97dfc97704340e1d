package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import java.time.Instant;
import java.util.List;

/**
 * The case a notice opened. {@code replayed} when an earlier submission with the same idempotency key is returned;
 * {@code missing} lists what a curable notice still lacks (it waits for completion, legal-requirements T2);
 * {@code notifierStatus} says whether a status the notice claimed was confirmed (null when it claimed none);
 * {@code receivedAt} and {@code responseTimes} acknowledge the receipt with the times the platform publishes (DSA Art.
 * 16(4)).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IntakeResult(
        String caseId,
        CaseStatus status,
        boolean replayed,
        List<FieldProblem> missing,
        NotifierStatus notifierStatus,
        Instant receivedAt,
        ResponseTimes.Published responseTimes) {

    public IntakeResult {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
