package dev.takedown.audit.messaging;

import dev.takedown.audit.internal.RecordRejected;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The ledger's listener container: a record the ledger rejects goes to {@code <topic>.DLT} at once, with the reason
 * in the {@value #REASON} header, and the next record is appended; a failure of the database is retried, backing off
 * to 30 s, for as long as it lasts, because a ledger must not lose a fact to an outage.
 */
@Configuration(proxyBeanMethods = false)
class LedgerListeners {

    static final String FACTORY = "ledgerListenerContainerFactory";

    /** Why a record was dead-lettered, in words; spring-kafka's own {@code kafka_dlt-*} headers say where from. */
    static final String REASON = "takedown-dlt-reason";

    static final String DLT_SUFFIX = ".DLT";

    private static final Logger log = LoggerFactory.getLogger(LedgerListeners.class);

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> ledgerListenerContainerFactory(
            ConsumerFactory<Object, Object> consumers, KafkaOperations<?, ?> kafka) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler(kafka));
        return factory;
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka) {
        // any partition of the dead-letter topic: it need not have as many as the original
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        recoverer.setHeadersFunction((record, e) -> {
            String reason = reason(e);
            log.warn("ledger dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
            return new RecordHeaders(
                    new RecordHeader[] {new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8))});
        });
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RecordRejected.class);
        return handler;
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordRejected) {
                return cause.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
