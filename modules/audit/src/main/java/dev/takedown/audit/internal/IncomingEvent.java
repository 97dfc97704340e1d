package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takedown.audit.ActorType;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Provenance;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the ledger records about one Kafka record. A record on one of our topics is recorded as the event it is: its
 * CloudEvents headers (the type must be one declared for the topic), then the JSON body. A record on an external topic
 * is recorded only as {@link Provenance#INBOUND_RECEIVED}: when we received it, from which principal, and the SHA-256
 * of its raw bytes; nothing it claims about itself becomes a ledger field. A notice on {@link Topics#NOTICES_INBOUND}
 * names its producer by signature ({@link InboundSignatures}): signed by the organisation it files for, its principal
 * is that organisation's ({@code kafka-org:<org>}); otherwise it is recorded as {@link Provenance#INBOUND_REFUSED}
 * with the organisation it claimed and why it was refused, as the intake refuses it.
 */
record IncomingEvent(
        String eventId,
        String topic,
        String eventType,
        String caseId,
        String actor,
        String legalBasis,
        String policyVersion,
        Instant occurredAt,
        JsonNode payload) {

    /** The principal of an external record until its producer is authenticated. */
    static final String UNAUTHENTICATED = "external:unauthenticated";

    /** Longest id, type, actor or policy version the ledger takes from a record of ours. */
    static final int MAX_FIELD = 512;

    /**
     * @param policyVersion the version recorded when the event does not name the policy it was decided under
     * @param receivedAt    when the ledger took the record off the topic
     * @throws RecordRejected when a record on one of our topics is not an event we publish there
     */
    static IncomingEvent of(
            ConsumerRecord<String, ?> record, String policyVersion, Instant receivedAt, InboundSignatures signatures) {
        return Provenance.isExternal(record.topic())
                ? received(record, receivedAt, signatures)
                : internal(record, policyVersion);
    }

    private static IncomingEvent received(
            ConsumerRecord<String, ?> record, Instant receivedAt, InboundSignatures signatures) {
        byte[] value = bytes(record.value());
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("topic", record.topic());
        payload.put("partition", record.partition());
        payload.put("offset", record.offset());
        String type = Provenance.INBOUND_RECEIVED;
        String principal = UNAUTHENTICATED;
        if (record.topic().equals(Topics.NOTICES_INBOUND)) {
            InboundSignatures.Verdict verdict = signatures.verify(
                    record.key(),
                    value,
                    rawHeader(record, InboundSignatures.KEY_ID),
                    rawHeader(record, InboundSignatures.SIGNATURE));
            if (verdict instanceof InboundSignatures.Verified verified) {
                principal = verified.principal();
                payload.put("organisation", verified.organisation());
                payload.put("keyId", verified.keyId());
            } else if (verdict instanceof InboundSignatures.Refused refused) {
                type = Provenance.INBOUND_REFUSED;
                payload.put("claimedOrganisation", refused.claimedOrganisation());
                payload.put("reason", refused.reason());
            }
        }
        payload.put("principal", principal);
        // the key may hold anything a producer chose to send; its digest identifies it without repeating it
        payload.put("keySha256", record.key() == null ? null : hex(record.key().getBytes(StandardCharsets.UTF_8)));
        payload.put("sha256", value == null ? null : hex(value));
        payload.put("bytes", value == null ? 0 : value.length);
        return new IncomingEvent(
                record.topic() + "-" + record.partition() + "-" + record.offset(),
                record.topic(),
                type,
                null,
                principal,
                null,
                null,
                receivedAt,
                payload);
    }

    private static IncomingEvent internal(ConsumerRecord<String, ?> record, String policyVersion) {
        String type = header(record, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new RecordRejected("no " + CloudEventHeaders.TYPE + " header"));
        if (!Provenance.isDeclared(record.topic(), type)) {
            throw new RecordRejected("event type " + printable(type) + " is not declared for " + record.topic());
        }
        byte[] value = bytes(record.value());
        if (value == null) {
            throw new RecordRejected("no value (a tombstone) for " + type);
        }
        JsonNode body = CanonicalJson.read(utf8(value))
                .filter(JsonNode::isObject)
                .orElseThrow(() -> new RecordRejected("value is not a JSON object"));
        if (containsNul(body)) {
            // text columns take the escaped form, but jsonb (which the reports cast to) refuses \u0000
            throw new RecordRejected("value contains a NUL character");
        }
        return new IncomingEvent(
                field("event id", header(record, CloudEventHeaders.ID).or(() -> text(body, "eventId")))
                        .orElseThrow(() -> new RecordRejected("no event id")),
                record.topic(),
                type,
                field("case id", header(record, CloudEventHeaders.SUBJECT).or(() -> text(body, "caseId")))
                        .orElse(null),
                field("actor", text(body, "actor")).orElse(TakedownEvent.SYSTEM),
                // derived by the ledger when appended (LegalBases), never taken from the record
                null,
                field("policy version", text(body, "policyVersion")).orElse(policyVersion),
                header(record, CloudEventHeaders.TIME)
                        .flatMap(IncomingEvent::instant)
                        .or(() -> text(body, "occurredAt").flatMap(IncomingEvent::instant))
                        // a record without a timestamp (-1) is recorded as happening now
                        .orElseGet(() ->
                                record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now()),
                body);
    }

    /** A value that becomes a column: PostgreSQL text takes no NUL, and no id or actor needs pages. */
    private static Optional<String> field(String name, Optional<String> value) {
        value.ifPresent(v -> {
            if (v.length() > MAX_FIELD) {
                throw new RecordRejected(name + " is longer than " + MAX_FIELD + " characters");
            }
            if (v.indexOf('\0') >= 0) {
                throw new RecordRejected(name + " contains a NUL character");
            }
        });
        return value;
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().indexOf('\0') >= 0 || containsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RecordRejected("value is not UTF-8");
        }
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(Sha256.digest(data));
    }

    /** A value quoted for a reason: at most 80 characters, control characters as escapes. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.length() > 80 ? "…'" : "'").toString();
    }

    IncomingEvent withLegalBasis(String basis) {
        return new IncomingEvent(eventId, topic, eventType, caseId, actor, basis, policyVersion, occurredAt, payload);
    }

    /** Cases stay on one chain, so a case's records are in order; records without a case spread by event id. */
    int chain(int chains) {
        return Math.floorMod((caseId != null ? caseId : eventId).hashCode(), chains);
    }

    LedgerEntry entry(int chain, long seq, String prevHash) {
        return LedgerEntry.committed(
                chain,
                seq,
                eventId,
                topic,
                eventType,
                caseId,
                actor,
                ActorType.of(actor),
                legalBasis,
                policyVersion,
                occurredAt,
                CanonicalJson.write(payload),
                prevHash);
    }

    /**
     * Header values are UTF-8 bytes; Spring's header mapper may JSON-encode String headers, so a value that
     * parses as a JSON string ({@code "abc"} with the quotes) is unwrapped.
     */
    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = CanonicalJson.read(text)
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::textValue)
                    .orElse(text);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A header's bytes as UTF-8 text, exactly as the producer sent them (a signature is never JSON-encoded). */
    private static String rawHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Optional<String> text(JsonNode body, String name) {
        JsonNode value = body.path(name);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
