package dev.takedown.screening.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.Topics;
import dev.takedown.screening.ScreeningIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the index from the measures topic. Each node uses its own consumer group, read from the start, so every
 * node sees every measure.
 */
@Component
class MeasureFeed {

    private static final Logger log = LoggerFactory.getLogger(MeasureFeed.class);

    private final ScreeningIndex index;
    private final ObjectMapper json;

    MeasureFeed(ScreeningIndex index, ObjectMapper json) {
        this.index = index;
        this.json = json;
    }

    @KafkaListener(topics = Topics.MEASURES, groupId = "takedown-screening-${random.uuid}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        try {
            JsonNode measure = json.readTree(record.value());
            if (measure.hasNonNull("targetUrl") && measure.hasNonNull("measureId")) {
                index.block(measure.get("targetUrl").asText(), measure.get("measureId").asText());
            }
        } catch (Exception unreadable) {
            log.warn("Skipped unreadable measure record {}@{}: {}", record.partition(), record.offset(),
                    unreadable.getMessage());
        }
    }
}
