package dev.takedown.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every Kafka consumer (but the ledger's, which has its own) does with a record it cannot process. A failure
 * that no retry can cure (a value that does not parse, fails validation or breaks a constraint: a NUL byte, an
 * over-long key) sends the record at once to {@code <topic>.DLT}, with the reason in the {@value #REASON} header next
 * to spring-kafka's {@code kafka_dlt-*} headers; any other failure (the database down, say) is retried, backing off
 * from 0.5 s to 30 s, for about five minutes, then dead-lettered too. Either way the next record is processed, and
 * every dead letter is counted per original topic ({@value #METER}; {@code KafkaBacklog} gauges what the dead-letter
 * topics hold) and recorded in the {@code dead_letter} table ({@link DeadLetterRecords}), where the dead-letter page
 * lists it for replay.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    static final String REASON = "takedown-dlt-reason";
    static final String SUFFIX = ".DLT";
    static final String METER = "takedown.kafka.dead.lettered";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(
            DefaultKafkaProducerFactory<?, ?> producers,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<DeadLetterRecords> records) {
        // consumers read String or byte[] values; the application's template writes byte[] only
        @SuppressWarnings("unchecked")
        ProducerFactory<Object, Object> asSent =
                (ProducerFactory<Object, Object>) producers.copyWithConfigurationOverride(Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, AsSent.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AsSent.class));
        KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(asSent);
        return errorHandler(deadLetters, meters.getIfAvailable(), backOff(), records.getIfAvailable());
    }

    static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(300_000);
        return backOff;
    }

    static DefaultErrorHandler errorHandler(
            KafkaTemplate<Object, Object> deadLetters,
            MeterRegistry meters,
            ExponentialBackOff backOff,
            DeadLetterRecords records) {
        // any partition of the dead-letter topic: it need not have as many as the original
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetters, (record, e) -> new TopicPartition(record.topic() + SUFFIX, -1));
        recoverer.setHeadersFunction((record, e) -> {
            String reason = reason(e);
            log.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
            if (meters != null) {
                Counter.builder(METER)
                        .description("Kafka records sent to their topic's dead-letter topic")
                        .tag("topic", record.topic())
                        .register(meters)
                        .increment();
            }
            return new RecordHeaders(
                    new RecordHeader[] {new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8))});
        });
        ConsumerRecordRecoverer recording = (record, e) -> {
            if (records != null) {
                try {
                    records.record(record, reason(e), KafkaUtils.getConsumerGroupId());
                } catch (RuntimeException notRecorded) {
                    // the database down: the record still goes to the dead-letter topic, where it can be read
                    log.warn(
                            "dead letter {}-{}@{} not recorded: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            notRecorded.getMessage());
                }
            }
            recoverer.accept(record, e);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recording, backOff);
        handler.addNotRetryableExceptions(
                IllegalArgumentException.class,
                JsonProcessingException.class,
                ConversionException.class,
                DataIntegrityViolationException.class);
        return handler;
    }

    /** The deepest cause's message: the listener's own wrapping says nothing about the record. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    /** Writes a value as it was read: bytes as they are, anything else as its UTF-8 text. */
    public static final class AsSent implements Serializer<Object> {

        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null || data instanceof byte[]) {
                return (byte[]) data;
            }
            return data.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
