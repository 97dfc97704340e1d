package dev.takedown.audit.internal;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The fields of a ledger record that its hash covers, so the appender and both verifiers hash the same thing.
 * {@code payload} is the stored canonical JSON text.
 *
 * <p>Format 1 records (written before chains were partitioned) hash {actor, actorType, caseId, eventId, eventType,
 * occurredAt, payload, prevHash, seq, topic}; format 2 adds chain, legalBasis and policyVersion.
 */
public record LedgerEntry(int format, int chain, long seq, String eventId, String topic, String eventType,
        String caseId, String actor, ActorType actorType, String legalBasis, String policyVersion, Instant occurredAt,
        String payload, String prevHash) {

    /** The prev_hash of every chain's first record. */
    public static final String GENESIS_HASH = "0".repeat(64);
    public static final int CURRENT_FORMAT = 2;

    /** A buffer grown past this by one huge payload is dropped rather than kept for the thread's lifetime. */
    private static final int MAX_KEPT_BUFFER = 1 << 16;
    private static final ThreadLocal<StringBuilder> PREIMAGE = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    public LedgerEntry {
        // PostgreSQL keeps microseconds: hashing finer time than is stored would fail verification later
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static LedgerEntry of(LedgerRecord record) {
        return new LedgerEntry(record.format(), record.chain(), record.seq(), record.eventId(), record.topic(),
                record.eventType(), record.caseId(), record.actor(), record.actorType(), record.legalBasis(),
                record.policyVersion(), record.occurredAt(), record.payload(), record.prevHash());
    }

    /** SHA-256 (lower-case hex) of {@link #preimage()}. */
    public String hash() {
        return HexFormat.of().formatHex(digest());
    }

    /**
     * SHA-256 of {@link #preimage()} as raw bytes. The verifier calls this for every record, so the preimage is built
     * in a reused per-thread buffer and hashed without an intermediate String or byte array.
     */
    public byte[] digest() {
        StringBuilder out = PREIMAGE.get();
        out.setLength(0);
        writePreimage(out);
        byte[] digest = Sha256.digestUtf8(out);
        if (out.capacity() > MAX_KEPT_BUFFER) {
            PREIMAGE.remove();
        }
        return digest;
    }

    /**
     * The RFC 8785 canonical JSON of the hashed fields, written member by member in JCS key order rather than
     * through a tree: the payload is spliced in verbatim, so a payload reformatted after the fact changes the hash,
     * and verification costs little more than the SHA-256 itself.
     */
    public String preimage() {
        StringBuilder out = new StringBuilder(320 + payload.length());
        writePreimage(out);
        return out.toString();
    }

    private void writePreimage(StringBuilder out) {
        out.append("{\"actor\":");
        CanonicalJson.string(actor, out);
        out.append(",\"actorType\":\"").append(actorType.name()).append("\",\"caseId\":");
        nullable(caseId, out);
        if (format >= 2) {
            out.append(",\"chain\":").append(chain);
        }
        out.append(",\"eventId\":");
        CanonicalJson.string(eventId, out);
        out.append(",\"eventType\":");
        CanonicalJson.string(eventType, out);
        if (format >= 2) {
            out.append(",\"legalBasis\":");
            nullable(legalBasis, out);
        }
        out.append(",\"occurredAt\":\"");
        IsoInstant.append(occurredAt, out);
        out.append("\",\"payload\":").append(payload);
        if (format >= 2) {
            out.append(",\"policyVersion\":");
            nullable(policyVersion, out);
        }
        out.append(",\"prevHash\":\"").append(prevHash).append("\",\"seq\":").append(seq).append(",\"topic\":");
        CanonicalJson.string(topic, out);
        out.append('}');
    }

    private static void nullable(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(value, out);
        }
    }
}
