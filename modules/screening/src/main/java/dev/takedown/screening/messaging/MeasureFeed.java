package dev.takedown.screening.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.events.Topics;
import dev.takedown.screening.MeasureChange;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the screening indexes from the compacted measures topic. Each node reads it from the start in a consumer
 * group of its own, so every node holds every active measure. Records arrive in batches and each batch becomes one
 * index snapshot, so a burst of measures does not rebuild the automaton once per record. Up to 2 000 records a poll
 * (the consumer default is 500): each batch costs a fixed part (an automaton segment, a check of the segment bound),
 * so a burst of 10 000 accepted measures is enforced in ~5 batches instead of ~20; a fetch returns as soon as one record
 * is there, so the larger limit costs a lone measure nothing (EnforcementLatency in modules/bench).
 *
 * <p>Every record carries its measure's version. The feed keeps the highest version it applied per measure and ignores
 * a record with a lower or equal one, so an outbox row resubmitted after the measure changed (a {@code MeasureApplied}
 * sent again after its {@code MeasureLifted}) changes nothing. A record that cannot be read, or whose rule screening
 * refuses, is dead-lettered to {@code takedown.measures.DLT} with its reason; the records before it are applied and
 * the ones after it are delivered again.
 *
 * <p>Once a batch is in the index, each versioned change in it is answered ({@link Indexed}): a filter measure counts
 * as enforced when every live screening node has it in its index.
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
    private final Indexed indexed;
    /** The highest version applied per measure; a lift stays here, so no older record brings the measure back. */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** What the node tells once a command of a measure is in its index (or, for a lift, out of it). */
    @FunctionalInterface
    public interface Indexed {

        void indexed(String measureId, long version, boolean lift);
    }

    /** A feed that tells nobody what it indexed (a replay, a benchmark). */
    public MeasureFeed(Screening screening, ObjectMapper json) {
        this(screening, json, (measureId, version, lift) -> {});
    }

    @Autowired
    public MeasureFeed(Screening screening, ObjectMapper json, Indexed indexed) {
        this.screening = screening;
        this.json = json;
        this.indexed = indexed;
    }

    /** A change read from the record at {@code index} of the batch; {@code version} null in pre-version records. */
    record Read(int index, MeasureChange change, Long version) {}

    @KafkaListener(
            topics = Topics.MEASURES,
            groupId = "takedown-screening-${random.uuid}",
            batch = "true",
            properties = {"auto.offset.reset=earliest", "max.poll.records=2000"})
    public void on(List<ConsumerRecord<String, String>> records) {
        List<Read> changes = new ArrayList<>();
        Map<String, Long> batch = new HashMap<>();
        BatchListenerFailedException failure = null;
        for (int i = 0; i < records.size() && failure == null; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                Optional<Read> read = read(record, i);
                if (read.isPresent() && newer(read.get(), batch)) {
                    changes.add(read.get());
                }
            } catch (IllegalArgumentException | JsonProcessingException unreadable) {
                failure = new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        try {
            screening.update(changes.stream().map(Read::change).toList());
            changes.forEach(this::applied);
        } catch (RuntimeException invalid) {
            // one bad rule must not hold back the records before it: they apply one by one, it is dead-lettered
            for (Read read : changes) {
                try {
                    screening.update(List.of(read.change()));
                    applied(read);
                } catch (RuntimeException refused) {
                    failure = new BatchListenerFailedException(
                            "measure " + read.change().measureId() + ": " + refused.getMessage(),
                            new IllegalArgumentException(refused.getMessage(), refused),
                            read.index());
                    break;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private boolean newer(Read read, Map<String, Long> batch) {
        if (read.version() == null) {
            return true;
        }
        String id = read.change().measureId();
        Long seen = batch.containsKey(id) ? batch.get(id) : versions.get(id);
        if (seen != null && seen >= read.version()) {
            log.debug("Ignored measure {} version {}: already at {}", id, read.version(), seen);
            return false;
        }
        batch.put(id, read.version());
        return true;
    }

    private void applied(Read read) {
        if (read.version() != null) {
            versions.merge(read.change().measureId(), read.version(), Math::max);
            try {
                indexed.indexed(read.change().measureId(), read.version(), read.change() instanceof MeasureChange.Lift);
            } catch (RuntimeException untold) {
                // the index holds the change; a lost answer leaves the measure unconfirmed, which its deadline shows
                log.warn(
                        "Measure {} version {} indexed, not told: {}",
                        read.change().measureId(),
                        read.version(),
                        untold.toString());
            }
        }
    }

    /**
     * The change a record asks for, empty for a record of another type.
     *
     * @throws IllegalArgumentException a record that is no measure record (no id, no JSON object, a malformed rule)
     */
    Optional<Read> read(ConsumerRecord<String, String> record, int index) throws JsonProcessingException {
        if (record.value() == null) {
            // a tombstone: nothing in Takedown writes one (a lift is a record that stays), but it ends the measure
            return record.key() == null
                    ? Optional.empty()
                    : Optional.of(new Read(index, new MeasureChange.Lift(record.key()), null));
        }
        String type = type(record);
        JsonNode body = json.readTree(record.value());
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (type != null && !APPLIED.equals(type) && !LIFTED.equals(type)) {
            log.debug("Ignored {} record {}@{}", type, record.partition(), record.offset());
            return Optional.empty();
        }
        String measureId = text(body, "measureId", record.key());
        if (measureId == null || measureId.isBlank()) {
            throw new IllegalArgumentException("no measure id");
        }
        Long version = version(body);
        if (LIFTED.equals(type)) {
            return Optional.of(new Read(index, new MeasureChange.Lift(measureId), version));
        }
        if (body.hasNonNull("rule")) {
            ScreeningRule rule = json.treeToValue(body.get("rule"), ScreeningRule.class);
            return Optional.of(
                    new Read(index, new MeasureChange.Apply(measureId, text(body, "caseId", null), rule), version));
        }
        if (body.hasNonNull("fileSha256")) {
            return Optional.of(new Read(
                    index,
                    new MeasureChange.BlockFile(
                            measureId,
                            text(body, "caseId", null),
                            body.get("fileSha256").asText().toLowerCase(Locale.ROOT),
                            text(body, "modelName", null),
                            similarUploads(body)),
                    version));
        }
        if (body.hasNonNull("targetUrl")) {
            return Optional.of(new Read(
                    index,
                    new MeasureChange.BlockUrl(measureId, body.get("targetUrl").asText()),
                    version));
        }
        return Optional.empty();
    }

    private static SimilarUploads similarUploads(JsonNode body) {
        String answer = text(body, "similarUploads", null);
        try {
            return answer == null ? null : SimilarUploads.valueOf(answer);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("similarUploads is not one of BLOCK, REVIEW");
        }
    }

    private static Long version(JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isIntegralNumber()) {
            throw new IllegalArgumentException("version is not a whole number");
        }
        return version.asLong();
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode body, String field, String fallback) {
        return body.hasNonNull(field) ? body.get(field).asText() : fallback;
    }
}
