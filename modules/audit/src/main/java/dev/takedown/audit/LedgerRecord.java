package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One row of the audit ledger. Records are numbered by {@code seq} within their {@code chain} (a partition chosen
 * by case id). {@code payload} is the event body as RFC 8785 canonical JSON; {@code hash} covers every field except
 * {@code recordedAt} and links to the chain's previous record through {@code prevHash}. {@code format} says which
 * fields the hash covers and how (3 = current).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LedgerRecord(int chain, long seq, String eventId, String topic, String eventType, String caseId,
        String actor, ActorType actorType, String legalBasis, String policyVersion, Instant occurredAt,
        Instant recordedAt, String payload, String prevHash, String hash, int format) {
}
