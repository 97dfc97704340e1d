package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.ActorType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The fields of a ledger record that its hash covers, so the appender and the verifier hash the same thing. */
public record LedgerEntry(long seq, String eventId, String topic, String eventType, String caseId, String actor,
        ActorType actorType, Instant occurredAt, JsonNode payload, String prevHash) {

    /** The prev_hash of record 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    public LedgerEntry {
        // PostgreSQL keeps microseconds: hashing finer time than is stored would fail verification later
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * SHA-256 (lower-case hex) of the canonical JSON of {seq, eventId, topic, eventType, caseId, actor, actorType,
     * occurredAt (ISO-8601 UTC), payload, prevHash}: any change to a record, or to the order of records, changes
     * this hash or the next record's prev_hash.
     */
    public String hash() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", seq);
        node.put("eventId", eventId);
        node.put("topic", topic);
        node.put("eventType", eventType);
        node.put("caseId", caseId);
        node.put("actor", actor);
        node.put("actorType", actorType.name());
        node.put("occurredAt", occurredAt.toString());
        node.set("payload", payload);
        node.put("prevHash", prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    }
}
