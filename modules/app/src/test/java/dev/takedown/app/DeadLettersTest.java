package dev.takedown.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.backoff.ExponentialBackOff;

/** The shared consumer error handling on a real KRaft broker: poison records between good ones. */
class DeadLettersTest {

    private static final String TOPIC = "takedown.test-intake";

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void permanentFailuresAreDeadLetteredAtOnceWithTheirReasonAndTheNextRecordIsProcessed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<String> processed = new CopyOnWriteArrayList<>();
        List<String> attempts = new CopyOnWriteArrayList<>();
        // an intake-shaped listener: the key names the organisation and the idempotency key (at most 200 characters)
        MessageListener<String, String> intake = record -> {
            attempts.add(record.key());
            if (!record.key().contains(":")) {
                throw new IllegalArgumentException("key must be 'organisationId:idempotencyKey'");
            }
            if (record.key().length() > 206) {
                throw new DataIntegrityViolationException("value too long for type character varying(200)");
            }
            processed.add(record.key());
        };
        ConcurrentMessageListenerContainer<String, String> container = container(intake, meters);
        container.start();
        try {
            KafkaTemplate<Object, Object> kafka = template();
            String overLong = "org-a:" + "k".repeat(201);
            kafka.send(TOPIC, 0, "org-a:good-1", "{}");
            kafka.send(TOPIC, 0, overLong, "{\"a\":\"\u0000\"}");
            kafka.send(TOPIC, 0, "no-separator", "{}");
            kafka.send(TOPIC, 0, "org-a:good-2", "{}");
            kafka.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == 2);
            assertThat(processed).containsExactly("org-a:good-1", "org-a:good-2");
            assertThat(attempts).as("no retry of a permanent failure").containsOnlyOnce(overLong, "no-separator");

            List<ConsumerRecord<String, byte[]>> dead = deadLetters(TOPIC + DeadLetters.SUFFIX, 2);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly(overLong, "no-separator");
            assertThat(header(dead.get(0), DeadLetters.REASON))
                    .isEqualTo("DataIntegrityViolationException: value too long for type character varying(200)");
            assertThat(new String(dead.get(0).value(), UTF_8)).isEqualTo("{\"a\":\"\u0000\"}");
            assertThat(header(dead.get(1), DeadLetters.REASON))
                    .isEqualTo("IllegalArgumentException: key must be 'organisationId:idempotencyKey'");
            assertThat(header(dead.get(1), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(meters.counter(DeadLetters.METER, "topic", TOPIC).count())
                    .isEqualTo(2.0);
        } finally {
            container.stop();
        }
    }

    @Test
    void aTransientFailureIsRetriedWithBackOffThenDeadLetteredAndTheNextRecordIsProcessed() {
        String topic = TOPIC + "-transient";
        List<String> processed = new CopyOnWriteArrayList<>();
        List<String> attempts = new CopyOnWriteArrayList<>();
        MessageListener<String, String> flaky = record -> {
            attempts.add(record.key());
            if (record.key().equals("down")) {
                throw new IllegalStateException("database unavailable");
            }
            processed.add(record.key());
        };
        ExponentialBackOff quick = new ExponentialBackOff(10, 2.0);
        quick.setMaxElapsedTime(100);
        ConcurrentMessageListenerContainer<String, String> container = container(topic, flaky, null, quick);
        container.start();
        try {
            KafkaTemplate<Object, Object> kafka = template();
            kafka.send(topic, 0, "a", "{}");
            kafka.send(topic, 0, "down", "{}");
            kafka.send(topic, 0, "b", "{}");
            kafka.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == 2);
            assertThat(attempts.stream().filter("down"::equals).count())
                    .as("retried, but not for ever")
                    .isBetween(2L, 10L);
            assertThat(header(deadLetters(topic + DeadLetters.SUFFIX, 1).get(0), DeadLetters.REASON))
                    .isEqualTo("IllegalStateException: database unavailable");
        } finally {
            container.stop();
        }
    }

    private static ConcurrentMessageListenerContainer<String, String> container(
            MessageListener<String, String> listener, SimpleMeterRegistry meters) {
        return container(TOPIC, listener, meters, DeadLetters.backOff());
    }

    private static ConcurrentMessageListenerContainer<String, String> container(
            String topic,
            MessageListener<String, String> listener,
            SimpleMeterRegistry meters,
            ExponentialBackOff backOff) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("takedown-test-" + UUID.randomUUID());
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, String> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.getBrokersAsString(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new StringDeserializer()),
                properties);
        container.setCommonErrorHandler(DeadLetters.errorHandler(template(), meters, backOff, null));
        return container;
    }

    private static KafkaTemplate<Object, Object> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetters.AsSent.class)));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }
}
