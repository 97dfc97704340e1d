package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One row of the audit ledger. {@code payload} is the event body as RFC 8785 canonical JSON; {@code hash} covers
 * every field except {@code recordedAt} and chains to the previous record through {@code prevHash}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LedgerRecord(long seq, String eventId, String topic, String eventType, String caseId, String actor,
        ActorType actorType, Instant occurredAt, Instant recordedAt, String payload, String prevHash, String hash) {
}
