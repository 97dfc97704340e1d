package dev.takedown.screening.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.Topics;
import dev.takedown.screening.MeasureChange;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the screening indexes from the compacted measures topic. Each node reads it from the start in a consumer
 * group of its own, so every node holds every active measure. Records arrive in batches and each batch becomes one
 * index snapshot, so a burst of measures does not rebuild the automaton once per record. Up to 2 000 records a poll
 * (the consumer default is 500): each batch costs a fixed part (an automaton segment, a check of the segment bound),
 * so a burst of 10 000 accepted measures is enforced in ~5 batches instead of ~20; a fetch returns as soon as one record
 * is there, so the larger limit costs a lone measure nothing (EnforcementLatency in modules/bench).
 */
@Component
public class MeasureFeed {

    private static final Logger log = LoggerFactory.getLogger(MeasureFeed.class);
    private static final String APPLIED = MeasureApplied.class
            .getAnnotation(dev.takedown.events.EventType.class)
            .value();
    private static final String LIFTED = MeasureLifted.class
            .getAnnotation(dev.takedown.events.EventType.class)
            .value();

    private final Screening screening;
    private final ObjectMapper json;

    public MeasureFeed(Screening screening, ObjectMapper json) {
        this.screening = screening;
        this.json = json;
    }

    @KafkaListener(
            topics = Topics.MEASURES,
            groupId = "takedown-screening-${random.uuid}",
            batch = "true",
            properties = {"auto.offset.reset=earliest", "max.poll.records=2000"})
    public void on(List<ConsumerRecord<String, String>> records) {
        List<MeasureChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(changes::add);
        }
        try {
            screening.update(changes);
        } catch (RuntimeException invalid) {
            // one bad rule must not hold back the rest of the batch
            for (MeasureChange change : changes) {
                try {
                    screening.update(List.of(change));
                } catch (RuntimeException e) {
                    log.warn("Skipped measure {}: {}", change.measureId(), e.getMessage());
                }
            }
        }
    }

    Optional<MeasureChange> read(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                return record.key() == null ? Optional.empty() : Optional.of(new MeasureChange.Lift(record.key()));
            }
            String type = type(record);
            JsonNode body = json.readTree(record.value());
            if (LIFTED.equals(type)) {
                return Optional.of(new MeasureChange.Lift(text(body, "measureId", record.key())));
            }
            if (type != null && !APPLIED.equals(type)) {
                log.debug("Ignored {} record {}@{}", type, record.partition(), record.offset());
                return Optional.empty();
            }
            String measureId = text(body, "measureId", record.key());
            if (measureId == null) {
                throw new IllegalArgumentException("no measure id");
            }
            if (body.hasNonNull("rule")) {
                ScreeningRule rule = json.treeToValue(body.get("rule"), ScreeningRule.class);
                return Optional.of(new MeasureChange.Apply(measureId, text(body, "caseId", null), rule));
            }
            if (body.hasNonNull("fileSha256")) {
                return Optional.of(new MeasureChange.BlockFile(
                        measureId, body.get("fileSha256").asText().toLowerCase(Locale.ROOT)));
            }
            if (body.hasNonNull("targetUrl")) {
                return Optional.of(new MeasureChange.BlockUrl(
                        measureId, body.get("targetUrl").asText()));
            }
            return Optional.empty();
        } catch (Exception unreadable) {
            log.warn(
                    "Skipped unreadable measure record {}@{}: {}",
                    record.partition(),
                    record.offset(),
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode body, String field, String fallback) {
        return body.hasNonNull(field) ? body.get(field).asText() : fallback;
    }
}
