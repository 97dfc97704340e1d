package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A case kept out of retention until released (R34); placing and releasing it are ledger records. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LegalHold(String caseId, String placedBy, Instant placedAt, String reason) {}
