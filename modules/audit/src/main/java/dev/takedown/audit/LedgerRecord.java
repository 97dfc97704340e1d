package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One row of the audit ledger. Records are numbered by {@code seq} within their {@code chain} (a partition chosen
 * by case id). {@code payload} is the event body as RFC 8785 canonical JSON; {@code hash} covers every field except
 * {@code recordedAt} and links to the chain's previous record through {@code prevHash}. {@code format} says which
 * fields the hash covers and how (4 = current). From format 4 on the hash covers {@code payloadCommitment}, the
 * SHA-256 of {@code payloadSalt} (hex) and the payload, instead of the payload; retention may purge payload and salt
 * (both null then), recording when ({@code purgedAt}) and under which record class ({@code purgeClass}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LedgerRecord(
        int chain,
        long seq,
        String eventId,
        String topic,
        String eventType,
        String caseId,
        String actor,
        ActorType actorType,
        String legalBasis,
        String policyVersion,
        Instant occurredAt,
        Instant recordedAt,
        String payload,
        String prevHash,
        String hash,
        int format,
        String payloadSalt,
        String payloadCommitment,
        Instant purgedAt,
        String purgeClass) {

    /** A record of format 1, 2 or 3: no commitment, never purged. */
    public LedgerRecord(
            int chain,
            long seq,
            String eventId,
            String topic,
            String eventType,
            String caseId,
            String actor,
            ActorType actorType,
            String legalBasis,
            String policyVersion,
            Instant occurredAt,
            Instant recordedAt,
            String payload,
            String prevHash,
            String hash,
            int format) {
        this(
                chain,
                seq,
                eventId,
                topic,
                eventType,
                caseId,
                actor,
                actorType,
                legalBasis,
                policyVersion,
                occurredAt,
                recordedAt,
                payload,
                prevHash,
                hash,
                format,
                null,
                null,
                null,
                null);
    }

    public boolean purged() {
        return purgedAt != null;
    }
}
