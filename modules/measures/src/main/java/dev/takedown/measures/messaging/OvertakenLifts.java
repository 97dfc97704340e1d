package dev.takedown.measures.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.Topics;
import dev.takedown.measures.Measures;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a lift the value that compaction keeps for its measure. Consumers ignore a record older than the newest they
 * saw, but a screening node that starts later reads only what compaction left: if a resubmitted {@code MeasureApplied}
 * landed after the {@code MeasureLifted}, that would be the applied record alone. So one consumer group across the
 * nodes reads the topic and, for a record whose version is below the measure's row and that was sent after the lift
 * (its timestamp), has the lift published again unchanged. Unreadable records are the screening feed's to
 * dead-letter.
 */
@Component
class OvertakenLifts {

    private static final Logger log = LoggerFactory.getLogger(OvertakenLifts.class);

    private final Measures measures;
    private final ObjectMapper json;

    OvertakenLifts(Measures measures, ObjectMapper json) {
        this.measures = measures;
        this.json = json;
    }

    @KafkaListener(
            topics = Topics.MEASURES,
            groupId = "takedown-measures",
            properties = {"auto.offset.reset=earliest"})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(record.value());
        } catch (Exception unreadable) {
            return;
        }
        if (body == null
                || !body.path("version").isIntegralNumber()
                || !body.path("measureId").isTextual()) {
            return;
        }
        String measureId = body.get("measureId").asText();
        if (measures.restate(measureId, body.get("version").asLong(), Instant.ofEpochMilli(record.timestamp()))) {
            log.info(
                    "measure {}: record {}-{}@{} was older than its lift, which is published again",
                    measureId,
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
    }
}
