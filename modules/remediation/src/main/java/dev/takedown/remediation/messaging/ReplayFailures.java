package dev.takedown.remediation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.remediation.Remediations;
import dev.takedown.screening.ScreeningEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every screening node replays each filter measure's suite after index changes and reports the result on the
 * screening-events topic. A report with failed prompts opens the case's model remediation ({@link
 * Remediations#openForFailedReplay}), which is idempotent: the same failure arrives from every node and after every
 * replay. Records are keyed by case, so one consumer of this group sees a case's reports in order.
 */
@Component
class ReplayFailures {

    private final Remediations remediations;
    private final ObjectMapper json;

    ReplayFailures(Remediations remediations, ObjectMapper json) {
        this.remediations = remediations;
        this.json = json;
    }

    @KafkaListener(topics = ScreeningEvents.TOPIC, groupId = "takedown-remediation")
    void on(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null
                || record.value() == null
                || !ScreeningEvents.REPLAY_COMPLETED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        JsonNode body;
        Instant at;
        try {
            body = json.readTree(record.value());
            at = Instant.parse(body.path("at").asText());
        } catch (IOException | DateTimeParseException unreadable) {
            // dead-lettered with the reason by the application's error handler; the next record is taken
            throw new IllegalArgumentException("unreadable replay report: " + unreadable.getMessage(), unreadable);
        }
        int failed = body.path("failed").size();
        String caseId = body.path("caseId").asText(null);
        String measureId = body.path("measureId").asText(null);
        if (failed > 0 && caseId != null && measureId != null) {
            // a database outage throws here and the container retries the record (the application's DeadLetters
            // handler)
            remediations.openForFailedReplay(
                    caseId, measureId, failed, body.path("node").asText("unknown"), at);
        }
    }
}
