package dev.takedown.screening.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.FilterIndexed;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.ScreeningNodeAlive;
import dev.takedown.events.ScreeningNodeLeft;
import dev.takedown.events.Topics;
import dev.takedown.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's voice on {@link Topics#SCREENING_NODES}: a heartbeat every {@code takedown.screening.heartbeat} (the
 * registry of nodes that must answer), and an answer for every measure command its index took in. The node id is
 * {@link Screening#nodeId()} ({@code takedown.screening.node-id}, by default the host name and a suffix new at every
 * start): a restarted node is a new node, and the old one drops out of the registry when its heartbeats stop. Fire and
 * forget: a lost answer leaves the measure unconfirmed until the node answers again (it does when it rereads the topic
 * after a restart), and its deadline shows it. Anyone who can reach the broker could write on this topic, so every
 * record is signed, as a platform signs its answers ({@link InboundSignatures}), with the screening nodes' key:
 * {@code takedown.screening.answer-key} names it among {@code takedown.enforcement.keys}. Unsigned records are refused
 * by the application.
 */
@Component
class NodeAnswers implements MeasureFeed.Indexed {

    private static final Logger log = LoggerFactory.getLogger(NodeAnswers.class);
    private static final String SOURCE = "/screening-node";

    private final ObjectProvider<KafkaTemplate<?, ?>> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final String nodeId;
    private final String keyId;
    private final String secret;
    private final ExecutorService sender =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "screening-node-answers");
                thread.setDaemon(true);
                return thread;
            });

    NodeAnswers(
            ObjectProvider<KafkaTemplate<?, ?>> kafka,
            ObjectMapper json,
            Screening screening,
            Clock clock,
            @Value("${takedown.screening.answer-key:}") String keyId,
            Environment environment) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.nodeId = screening.nodeId();
        this.keyId = keyId.isBlank() ? null : keyId;
        this.secret = this.keyId == null
                ? null
                : Binder.get(environment)
                        .bind("takedown.enforcement.keys." + keyId + ".secret", String.class)
                        .orElse(null);
        if (this.keyId != null && secret == null) {
            throw new IllegalStateException(
                    "takedown.screening.answer-key names " + keyId + ", which takedown.enforcement.keys does not hold");
        }
        if (this.keyId == null) {
            log.warn("takedown.screening.answer-key is not set: this node's answers go unsigned and are refused");
        }
    }

    @Override
    public void indexed(String measureId, long version, boolean lift) {
        send(FilterIndexed.TYPE, new FilterIndexed(nodeId, measureId, version, lift, clock.instant()));
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${takedown.screening.heartbeat:PT10S}")
    void alive() {
        send(ScreeningNodeAlive.TYPE, new ScreeningNodeAlive(nodeId, clock.instant()));
    }

    /**
     * A node that shuts down says so before its producer closes, so that nothing waits for it; at most two seconds,
     * so that a node whose broker is gone still stops at once.
     */
    @EventListener(ContextClosedEvent.class)
    void leaving() {
        send(ScreeningNodeLeft.TYPE, new ScreeningNodeLeft(nodeId, clock.instant()))
                .ifPresent(sent -> {
                    try {
                        sent.get(2, TimeUnit.SECONDS);
                    } catch (Exception notDelivered) {
                        log.info("Screening node {} left without saying so: {}", nodeId, notDelivered.toString());
                    }
                });
        sender.shutdown();
    }

    /**
     * Hands the record to the producer on this class's own thread: a send waits up to the producer's
     * {@code max.block.ms} (a minute) for the broker's metadata, which would hold the scheduler's one thread (every
     * other scheduled job with it), the measures consumer, or the shutdown. What the queue cannot take is dropped, as a
     * lost answer is.
     */
    private Optional<Future<?>> send(String type, Object body) {
        @SuppressWarnings("unchecked")
        KafkaOperations<String, byte[]> producer = (KafkaOperations<String, byte[]>) kafka.getIfUnique();
        if (producer == null) {
            return Optional.empty();
        }
        try {
            byte[] value = json.writeValueAsBytes(body);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCREENING_NODES, nodeId, value);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, type);
            header(record, CloudEventHeaders.SOURCE, SOURCE);
            header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(record, CloudEventHeaders.TIME, clock.instant().toString());
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            if (keyId != null) {
                header(record, InboundSignatures.KEY_ID, keyId);
                header(record, InboundSignatures.SIGNATURE, InboundSignatures.sign(secret, nodeId, value));
            }
            return Optional.of(sender.submit(() -> producer.send(record).whenComplete((sent, error) -> {
                if (error != null) {
                    log.warn("Screening node {}: {} not delivered: {}", nodeId, type, error.toString());
                }
            })));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Screening node {}: {} not sent: {}", nodeId, type, e.toString());
            return Optional.empty();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
