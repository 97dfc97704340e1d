package dev.takedown.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.EventType;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureEnforced;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.Topics;
import dev.takedown.local.messaging.ReferencePlatformAdapter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The platform of a fault cluster: the packaged jar has no reference platform adapter (it lives in modules/local), yet
 * a case is removed, and its parties told, only when the platform confirms its measures. Confirms each command on
 * {@code takedown.measures} once, signed with the local profile's platform key, and rides out the broker's outages
 * (a failed answer is sent again before the next command is read).
 */
final class FaultPlatform implements AutoCloseable {

    private static final String KEY_ID = "platform-local";
    private static final String SECRET = "local-demo-platform-key-not-for-production";
    private static final String APPLIED =
            MeasureApplied.class.getAnnotation(EventType.class).value();
    private static final String LIFTED =
            MeasureLifted.class.getAnnotation(EventType.class).value();

    /** As a platform writes its answers: times as ISO-8601 text. */
    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Set<String> answered = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    FaultPlatform(String bootstrap) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "fault-platform",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000"),
                new StringDeserializer(),
                new StringDeserializer());
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"),
                new StringSerializer(),
                new ByteArraySerializer());
        thread = new Thread(this::run, "fault-platform");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.MEASURES));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    answer(record);
                }
                try {
                    consumer.commitSync();
                } catch (RuntimeException brokerAway) {
                    // committed with the next poll; an answer given twice is recorded once
                }
            }
        } catch (WakeupException closing) {
            // closed
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private void answer(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), UTF_8);
        boolean lift = LIFTED.equals(ceType);
        if (!lift && !APPLIED.equals(ceType) || record.value() == null) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(record.value());
        } catch (Exception notJson) {
            return;
        }
        if (!body.path("measureId").isTextual()
                || !body.path("version").isIntegralNumber()
                // the screening nodes confirm filters
                || ReferencePlatformAdapter.filter(body.path("type").asText())) {
            return;
        }
        String measureId = body.get("measureId").asText();
        long version = body.get("version").asLong();
        if (!answered.add(measureId + ":" + version)) {
            return;
        }
        Instant now = Instant.now();
        Object result = lift ? new LiftEnforced(measureId, version, now) : new MeasureEnforced(measureId, version, now);
        byte[] value;
        try {
            value = json.writeValueAsBytes(result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, byte[]> answer = new ProducerRecord<>(Topics.ENFORCEMENT_RESULTS, measureId, value);
        answer.headers()
                .add(CloudEventHeaders.TYPE, (lift ? LiftEnforced.TYPE : MeasureEnforced.TYPE).getBytes(UTF_8))
                .add(InboundSignatures.KEY_ID, KEY_ID.getBytes(UTF_8))
                .add(
                        InboundSignatures.SIGNATURE,
                        InboundSignatures.sign(SECRET, measureId, value).getBytes(UTF_8));
        while (running) {
            try {
                producer.send(answer).get();
                return;
            } catch (ExecutionException brokerAway) {
                // the broker is down or frozen: the same answer again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ZERO);
    }
}
