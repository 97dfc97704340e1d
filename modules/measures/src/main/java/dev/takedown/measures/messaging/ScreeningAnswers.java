package dev.takedown.measures.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.FilterIndexed;
import dev.takedown.events.ScreeningNodeAlive;
import dev.takedown.events.ScreeningNodeLeft;
import dev.takedown.events.Topics;
import dev.takedown.measures.AcknowledgementRefusedException;
import dev.takedown.measures.ScreeningConfirmations;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The screening nodes' heartbeats and answers ({@link ScreeningConfirmations}). One group for every application node:
 * the registry is in the database. A record of another type, or one that cannot be read, is dead-lettered.
 */
@Component
class ScreeningAnswers {

    private final ScreeningConfirmations confirmations;
    private final ObjectMapper json;

    ScreeningAnswers(ScreeningConfirmations confirmations, ObjectMapper json) {
        this.confirmations = confirmations;
        this.json = json;
    }

    @KafkaListener(topics = Topics.SCREENING_NODES, groupId = "takedown-screening-registry")
    void receive(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            throw new AcknowledgementRefusedException("a screening node's record without a body");
        }
        try {
            if (ScreeningNodeAlive.TYPE.equals(ceType)) {
                ScreeningNodeAlive alive = json.readValue(record.value(), ScreeningNodeAlive.class);
                if (alive.nodeId() == null || alive.at() == null) {
                    throw new AcknowledgementRefusedException("a heartbeat needs nodeId and at");
                }
                confirmations.alive(alive.nodeId(), alive.at());
            } else if (ScreeningNodeLeft.TYPE.equals(ceType)) {
                ScreeningNodeLeft left = json.readValue(record.value(), ScreeningNodeLeft.class);
                if (left.nodeId() == null) {
                    throw new AcknowledgementRefusedException("a node that leaves names itself");
                }
                confirmations.left(left.nodeId());
            } else if (FilterIndexed.TYPE.equals(ceType)) {
                FilterIndexed answer = json.readValue(record.value(), FilterIndexed.class);
                if (answer.nodeId() == null || answer.measureId() == null || answer.at() == null) {
                    throw new AcknowledgementRefusedException("an answer needs nodeId, measureId and at");
                }
                confirmations.indexed(answer);
            } else {
                throw new AcknowledgementRefusedException("ce_type " + ceType + " is no screening node's record");
            }
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new AcknowledgementRefusedException("unreadable screening node record: " + unreadable.getMessage());
        }
    }
}
