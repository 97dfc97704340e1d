package dev.takedown.local.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.EnforcementFailed;
import dev.takedown.events.EnforcementResult;
import dev.takedown.events.EventType;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureEnforced;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.Topics;
import dev.takedown.measures.MeasureType;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform of the local stack: it reads the commands on {@code takedown.measures} as a real platform's adapter
 * does (docs/integration.md) and, after {@code takedown.reference-adapter.delay}, answers each on
 * {@code takedown.enforcement-results}, signed with the local platform key, as its mode says: {@code ack}
 * confirms, {@code fail} fails with {@code failure}, {@code silent} never answers (the deadline, the task and the
 * escalation follow). The mode starts as {@code takedown.reference-adapter.mode} and an administrator may switch it
 * while the stack runs ({@link #switchTo}); a command already waiting for its answer is answered in the mode of the
 * moment it is answered. It keeps the highest version it saw per measure and answers nothing older, nor a command
 * overtaken while it waited, as a platform must. Records it cannot read are not its business: it skips them, and so
 * it skips filter measures, which the screening nodes confirm.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "takedown.reference-adapter.enabled", havingValue = "true")
@EnableConfigurationProperties(ReferencePlatformAdapter.Settings.class)
public class ReferencePlatformAdapter {

    private static final Logger log = LoggerFactory.getLogger(ReferencePlatformAdapter.class);

    static final String SOURCE = "/reference-platform";
    private static final String APPLIED =
            MeasureApplied.class.getAnnotation(EventType.class).value();
    private static final String LIFTED =
            MeasureLifted.class.getAnnotation(EventType.class).value();

    /** What the reference platform answers. */
    public enum Mode {
        ACK,
        FAIL,
        SILENT;

        /** The mode named {@code ack}, {@code fail} or {@code silent} (any case); empty for anything else. */
        public static Optional<Mode> named(String name) {
            return Arrays.stream(values())
                    .filter(mode -> mode.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                    .findFirst();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code takedown.reference-adapter}: what it answers, after how long, and the key it signs with (one of
     * {@code takedown.enforcement.keys}); it runs while {@code enabled} is true.
     */
    @ConfigurationProperties("takedown.reference-adapter")
    record Settings(Mode mode, Duration delay, EnforcementFailed.Reason failure, String keyId, String secret) {

        Settings {
            mode = mode == null ? Mode.ACK : mode;
            delay = delay == null ? Duration.ofSeconds(1) : delay;
            failure = failure == null ? EnforcementFailed.Reason.NOT_PERMITTED : failure;
        }
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;
    private final AtomicReference<Mode> mode;
    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reference-platform");
        thread.setDaemon(true);
        return thread;
    });

    ReferencePlatformAdapter(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock, Settings settings) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.mode = new AtomicReference<>(settings.mode());
        log.info("reference platform adapter: {} after {}", settings.mode(), settings.delay());
    }

    @KafkaListener(
            topics = Topics.MEASURES,
            groupId = "takedown-reference-platform",
            properties = {"auto.offset.reset=earliest"})
    void on(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        boolean lift = LIFTED.equals(ceType);
        boolean apply = APPLIED.equals(ceType);
        JsonNode body = read(record.value());
        if (!(lift || apply)
                || body == null
                || !body.path("measureId").isTextual()
                || !body.path("version").isIntegralNumber()
                || filter(body.path("type").asText())) {
            return;
        }
        String measureId = body.get("measureId").asText();
        long version = body.get("version").asLong();
        if (highest.merge(measureId, version, Math::max) > version || mode.get() == Mode.SILENT) {
            return;
        }
        answers.schedule(
                () -> answer(measureId, version, lift), settings.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(String measureId, long version, boolean lift) {
        Mode now = mode.get();
        if (highest.getOrDefault(measureId, version) > version || now == Mode.SILENT) {
            return;
        }
        Instant at = clock.instant();
        EnforcementResult result = now == Mode.FAIL
                ? new EnforcementFailed(measureId, version, settings.failure(), at, "the reference platform fails")
                : lift ? new LiftEnforced(measureId, version, at) : new MeasureEnforced(measureId, version, at);
        String ceType = result instanceof EnforcementFailed
                ? EnforcementFailed.TYPE
                : lift ? LiftEnforced.TYPE : MeasureEnforced.TYPE;
        try {
            byte[] value = json.writeValueAsBytes(result);
            ProducerRecord<String, byte[]> answer = new ProducerRecord<>(Topics.ENFORCEMENT_RESULTS, measureId, value);
            answer.headers()
                    .add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SOURCE, SOURCE.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TIME, at.toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8))
                    .add(InboundSignatures.KEY_ID, settings.keyId().getBytes(StandardCharsets.UTF_8))
                    .add(
                            InboundSignatures.SIGNATURE,
                            InboundSignatures.sign(settings.secret(), measureId, value)
                                    .getBytes(StandardCharsets.UTF_8));
            kafka.send(answer);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("reference platform: no answer to measure {} version {}: {}", measureId, version, e.toString());
        }
    }

    /** Whether a command's measure type is a filter, which the screening nodes confirm, not the platform. */
    public static boolean filter(String type) {
        return Arrays.stream(MeasureType.values())
                .anyMatch(t -> t.isFilter() && t.name().equals(type));
    }

    /** What it answers now. */
    public Mode mode() {
        return mode.get();
    }

    /** Answers from now on as {@code next} says, until switched again or the stack restarts. */
    public void switchTo(Mode next) {
        Mode before = mode.getAndSet(next);
        if (before != next) {
            log.info("reference platform adapter switched from {} to {}", before, next);
        }
    }

    private JsonNode read(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    @PreDestroy
    void stop() {
        answers.shutdownNow();
    }
}
