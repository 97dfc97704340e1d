package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.takedown.audit.ActorType;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.TakedownEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the ledger records about one Kafka record: CloudEvents headers where present, then the JSON body, then
 * Kafka's own coordinates. Records from outside the contract (no headers, no JSON) are still recorded.
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

    /** @param policyVersion the version recorded when the event does not name the policy it was decided under */
    static IncomingEvent of(ConsumerRecord<String, String> record, String policyVersion) {
        // a null value is a tombstone (the measures topic is compacted): recorded as JSON null
        JsonNode body = record.value() == null
                ? JsonNodeFactory.instance.nullNode()
                : CanonicalJson.read(record.value()).orElseGet(() -> JsonNodeFactory.instance.textNode(record.value()));
        return new IncomingEvent(
                header(record, CloudEventHeaders.ID)
                        .orElse(record.topic() + "-" + record.partition() + "-" + record.offset()),
                record.topic(),
                header(record, CloudEventHeaders.TYPE).orElse("raw:" + record.topic()),
                header(record, CloudEventHeaders.SUBJECT)
                        .or(() -> field(body, "caseId"))
                        .orElse(null),
                field(body, "actor").orElse(TakedownEvent.SYSTEM),
                field(body, "legalBasis").orElse(null),
                field(body, "policyVersion").orElse(policyVersion),
                header(record, CloudEventHeaders.TIME)
                        .flatMap(IncomingEvent::instant)
                        .or(() -> field(body, "occurredAt").flatMap(IncomingEvent::instant))
                        // a record without a timestamp (-1) is recorded as happening now
                        .orElseGet(() ->
                                record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now()),
                body);
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

    private static Optional<String> field(JsonNode body, String name) {
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
