package dev.takedown.audit.internal;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.LedgerRecord;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The fields of a ledger record that its hash covers, so the appender and both verifiers hash the same thing.
 * {@code payload} is the stored canonical JSON text.
 *
 * <p>Format 1 records (written before chains were partitioned) hash {actor, actorType, caseId, eventId, eventType,
 * occurredAt, payload, prevHash, seq, topic}; format 2 adds chain, legalBasis and policyVersion. Formats 1 and 2
 * hash SHA-256(preimage); format 3 has format 2's preimage but hashes SHA-256(0x00 || preimage), the RFC 6962 leaf
 * hash, so the record hash is itself the record's Merkle leaf (see {@link #leaf}). Format 4 hashes as format 3,
 * but its preimage has {@code "payloadCommitment":"<hex SHA-256(salt || payload UTF-8)>"} where the others have
 * {@code "payload":<payload>}: payload and salt (16 random bytes, hex here) can then be purged under retention and
 * the record still verifies through its commitment; while they are there they must match it.
 */
public record LedgerEntry(
        int format,
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
        String payload,
        String prevHash,
        String payloadSalt,
        String payloadCommitment) {

    /** The prev_hash of every chain's first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    public static final int CURRENT_FORMAT = 4;

    private static final ThreadLocal<Utf8Buffer> PREIMAGE = ThreadLocal.withInitial(Utf8Buffer::new);
    private static final SecureRandom SALTS = new SecureRandom();

    public LedgerEntry {
        // PostgreSQL keeps microseconds: hashing finer time than is stored would fail verification later
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A record of format 1, 2 or 3, whose hash covers the payload itself. */
    public LedgerEntry(
            int format,
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
            String payload,
            String prevHash) {
        this(
                format,
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
                payload,
                prevHash,
                null,
                null);
    }

    /** A new record of the current format: a fresh random salt and the commitment to the payload under it. */
    public static LedgerEntry committed(
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
            String payload,
            String prevHash) {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new LedgerEntry(
                CURRENT_FORMAT,
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
                payload,
                prevHash,
                saltHex,
                commitment(saltHex, payload));
    }

    public static LedgerEntry of(LedgerRecord record) {
        return new LedgerEntry(
                record.format(),
                record.chain(),
                record.seq(),
                record.eventId(),
                record.topic(),
                record.eventType(),
                record.caseId(),
                record.actor(),
                record.actorType(),
                record.legalBasis(),
                record.policyVersion(),
                record.occurredAt(),
                record.payload(),
                record.prevHash(),
                record.payloadSalt(),
                record.payloadCommitment());
    }

    /** SHA-256 (lower-case hex) of the salt's bytes followed by the payload's UTF-8 bytes. */
    public static String commitment(String saltHex, String payload) {
        Utf8Buffer buffer = PREIMAGE.get();
        buffer.reset();
        buffer.raw(HexFormat.of().parseHex(saltHex));
        buffer.raw(payload);
        byte[] digest = new byte[32];
        Sha256.digest(buffer.bytes(), buffer.length(), digest);
        if (buffer.oversized()) {
            PREIMAGE.remove();
        }
        return HexFormat.of().formatHex(digest);
    }

    /**
     * False when a format-4 record still has a payload and that payload (or its salt) is not what the hashed
     * commitment was made to: content changed under the commitment. True for a purged record and for formats 1–3,
     * whose hash covers the payload directly.
     */
    public boolean payloadMatchesCommitment() {
        if (format < 4 || payload == null) {
            return true;
        }
        return payloadSalt != null
                && payloadCommitment != null
                && payloadCommitment.equals(commitment(payloadSalt, payload));
    }

    /** SHA-256 (lower-case hex) of {@link #preimage()}. */
    public String hash() {
        return HexFormat.of().formatHex(digest());
    }

    /** The record hash as raw bytes: SHA-256 of {@link #preimage()}, after a 0x00 byte from format 3 on. */
    public byte[] digest() {
        byte[] digest = new byte[32];
        digestInto(digest);
        return digest;
    }

    /**
     * Writes {@link #digest()} into {@code out[0..32)}. The verifier calls this for every record, so the UTF-8
     * preimage is written straight into a reused per-thread byte buffer and hashed from there.
     */
    void digestInto(byte[] out) {
        digestInto(out, null);
    }

    /**
     * {@link #digestInto(byte[])} for a caller that has {@code prevHash} as ASCII bytes already (the verifier, which
     * has just checked that prevHash equals the previous record's hash); null = take it from {@code prevHash}.
     */
    void digestInto(byte[] out, byte[] prevHashAscii) {
        Utf8Buffer buffer = PREIMAGE.get();
        buffer.reset();
        if (format >= 3) {
            buffer.ascii('\0');
        }
        writePreimage(buffer, prevHashAscii);
        Sha256.digest(buffer.bytes(), buffer.length(), out);
        if (buffer.oversized()) {
            PREIMAGE.remove();
        }
    }

    /**
     * The RFC 9162 Merkle leaf hash of a record whose stored hash is {@code hash}: the hash itself from format 3 on,
     * SHA-256(0x00 || hash) before.
     */
    public static byte[] leaf(int format, byte[] hash) {
        return format >= 3 ? hash : MerkleTree.leafHash(hash);
    }

    /**
     * The RFC 8785 canonical JSON of the hashed fields, written member by member in JCS key order rather than
     * through a tree: the payload is spliced in verbatim, so a payload reformatted after the fact changes the hash,
     * and verification costs little more than the SHA-256 itself.
     */
    public String preimage() {
        StringBuilder out = new StringBuilder(400 + (format < 4 ? payload.length() : 0));
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
        if (format >= 4) {
            out.append("\",\"payloadCommitment\":\"").append(payloadCommitment).append('"');
        } else {
            out.append("\",\"payload\":").append(payload);
        }
        if (format >= 2) {
            out.append(",\"policyVersion\":");
            nullable(policyVersion, out);
        }
        out.append(",\"prevHash\":\"")
                .append(prevHash)
                .append("\",\"seq\":")
                .append(seq)
                .append(",\"topic\":");
        CanonicalJson.string(topic, out);
        out.append('}');
    }

    /** The same bytes as {@code preimage().getBytes(UTF_8)}; LedgerEntryDigestTest holds the two together. */
    private void writePreimage(Utf8Buffer out, byte[] prevHashAscii) {
        out.ascii(ACTOR);
        out.repeatedString(0, actor);
        out.ascii(ACTOR_TYPE);
        out.ascii(actorType == ActorType.HUMAN ? HUMAN : AUTOMATED);
        out.ascii(CASE_ID);
        out.nullableString(caseId);
        if (format >= 2) {
            out.ascii(CHAIN);
            out.number(chain);
        }
        out.ascii(EVENT_ID);
        out.string(eventId);
        out.ascii(EVENT_TYPE);
        out.repeatedString(1, eventType);
        if (format >= 2) {
            out.ascii(LEGAL_BASIS);
            out.repeatedString(2, legalBasis);
        }
        out.ascii(OCCURRED_AT);
        out.instant(occurredAt);
        if (format >= 4) {
            out.ascii(PAYLOAD_COMMITMENT);
            out.asciiText(payloadCommitment);
            out.ascii('"');
        } else {
            out.ascii(PAYLOAD);
            out.raw(payload);
        }
        if (format >= 2) {
            out.ascii(POLICY_VERSION);
            out.repeatedString(3, policyVersion);
        }
        out.ascii(PREV_HASH);
        if (prevHashAscii != null) {
            out.ascii(prevHashAscii);
        } else {
            out.asciiText(prevHash);
        }
        out.ascii(SEQ);
        out.number(seq);
        out.ascii(TOPIC);
        out.repeatedString(4, topic);
        out.ascii('}');
    }

    private static final byte[] ACTOR = ascii("{\"actor\":");
    private static final byte[] ACTOR_TYPE = ascii(",\"actorType\":\"");
    private static final byte[] HUMAN = ascii(ActorType.HUMAN.name());
    private static final byte[] AUTOMATED = ascii(ActorType.AUTOMATED.name());
    private static final byte[] CASE_ID = ascii("\",\"caseId\":");
    private static final byte[] CHAIN = ascii(",\"chain\":");
    private static final byte[] EVENT_ID = ascii(",\"eventId\":");
    private static final byte[] EVENT_TYPE = ascii(",\"eventType\":");
    private static final byte[] LEGAL_BASIS = ascii(",\"legalBasis\":");
    private static final byte[] OCCURRED_AT = ascii(",\"occurredAt\":\"");
    private static final byte[] PAYLOAD = ascii("\",\"payload\":");
    private static final byte[] PAYLOAD_COMMITMENT = ascii("\",\"payloadCommitment\":\"");
    private static final byte[] POLICY_VERSION = ascii(",\"policyVersion\":");
    private static final byte[] PREV_HASH = ascii(",\"prevHash\":\"");
    private static final byte[] SEQ = ascii("\",\"seq\":");
    private static final byte[] TOPIC = ascii(",\"topic\":");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void nullable(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(value, out);
        }
    }
}
