package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The case a notice opened; {@code replayed} when an earlier submission with the same idempotency key is returned. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IntakeResult(String caseId, CaseStatus status, boolean replayed) {
}
