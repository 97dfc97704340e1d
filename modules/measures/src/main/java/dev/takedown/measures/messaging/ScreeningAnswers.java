package dev.takedown.measures.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.FilterIndexed;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.ScreeningNodeAlive;
import dev.takedown.events.ScreeningNodeLeft;
import dev.takedown.events.Topics;
import dev.takedown.measures.AcknowledgementRefusedException;
import dev.takedown.measures.ScreeningConfirmations;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The screening nodes' heartbeats and answers ({@link ScreeningConfirmations}). One group for every application node:
 * the registry is in the database. Only a record signed with a key of the screening nodes' organisation
 * ({@code takedown.enforcement.screening.signer} among {@code takedown.enforcement.keys}) and keyed by the node it
 * speaks for counts: anyone else who can reach the broker could otherwise confirm a filter no index holds, or keep
 * every filter waiting for a node that does not exist. A record that is unsigned, signed by another, of another type,
 * or that cannot be read is dead-lettered with its reason.
 */
@Component
class ScreeningAnswers {

    private final ScreeningConfirmations confirmations;
    private final ObjectMapper json;
    private final InboundSignatures signatures;
    private final String signer;

    ScreeningAnswers(
            ScreeningConfirmations confirmations,
            ObjectMapper json,
            EnforcementProperties properties,
            @Value("${takedown.enforcement.screening.signer:screening-nodes}") String signer) {
        this.confirmations = confirmations;
        this.json = json;
        this.signatures = new InboundSignatures(properties.keys());
        this.signer = signer;
    }

    @KafkaListener(topics = Topics.SCREENING_NODES, groupId = "takedown-screening-registry")
    void receive(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            throw new AcknowledgementRefusedException("a screening node's record without a body");
        }
        InboundSignatures.Verdict verdict = signatures.verifyProducer(
                record.key(),
                record.value().getBytes(StandardCharsets.UTF_8),
                header(record, InboundSignatures.KEY_ID),
                header(record, InboundSignatures.SIGNATURE));
        if (verdict instanceof InboundSignatures.Refused refused) {
            throw new AcknowledgementRefusedException(refused.reason());
        }
        String organisation = ((InboundSignatures.Verified) verdict).organisation();
        if (!signer.equals(organisation)) {
            throw new AcknowledgementRefusedException(
                    "signed by '" + organisation + "', not by the screening nodes '" + signer + "'");
        }
        try {
            if (ScreeningNodeAlive.TYPE.equals(ceType)) {
                ScreeningNodeAlive alive = json.readValue(record.value(), ScreeningNodeAlive.class);
                if (alive.nodeId() == null || alive.at() == null) {
                    throw new AcknowledgementRefusedException("a heartbeat needs nodeId and at");
                }
                keyedBy(record, alive.nodeId());
                confirmations.alive(alive.nodeId(), alive.at());
            } else if (ScreeningNodeLeft.TYPE.equals(ceType)) {
                ScreeningNodeLeft left = json.readValue(record.value(), ScreeningNodeLeft.class);
                if (left.nodeId() == null) {
                    throw new AcknowledgementRefusedException("a node that leaves names itself");
                }
                keyedBy(record, left.nodeId());
                confirmations.left(left.nodeId());
            } else if (FilterIndexed.TYPE.equals(ceType)) {
                FilterIndexed answer = json.readValue(record.value(), FilterIndexed.class);
                if (answer.nodeId() == null || answer.measureId() == null || answer.at() == null) {
                    throw new AcknowledgementRefusedException("an answer needs nodeId, measureId and at");
                }
                keyedBy(record, answer.nodeId());
                confirmations.indexed(answer);
            } else {
                throw new AcknowledgementRefusedException("ce_type " + ceType + " is no screening node's record");
            }
        } catch (AcknowledgementRefusedException refused) {
            throw refused;
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new AcknowledgementRefusedException("unreadable screening node record: " + unreadable.getMessage());
        }
    }

    /** The signature covers the record key, so a node speaks only for the node its key names. */
    private static void keyedBy(ConsumerRecord<String, String> record, String nodeId) {
        if (!nodeId.equals(record.key())) {
            throw new AcknowledgementRefusedException("the record key must be the node the record speaks for");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
