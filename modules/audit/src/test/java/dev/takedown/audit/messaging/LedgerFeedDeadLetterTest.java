package dev.takedown.audit.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.internal.EmbeddedLedger;
import dev.takedown.audit.internal.LedgerAppender;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.Provenance;
import dev.takedown.events.TaskClaimed;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The ledger's consumer on a real KRaft broker: a poison record between two good ones. */
class LedgerFeedDeadLetterTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static EmbeddedLedger ledger;
    private static AnnotationConfigApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.ALL.toArray(String[]::new));
        broker.afterPropertiesSet();
        ledger = new EmbeddedLedger();
        ledger.reset();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(
                LedgerAppender.class,
                () -> new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)));
        context.register(Kafka.class, LedgerListeners.class, LedgerFeed.class);
        context.refresh();
    }

    @AfterAll
    static void stop() throws IOException {
        context.close();
        ledger.close();
        broker.destroy();
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheRecordsAroundItAreAppended() {
        KafkaTemplate<String, byte[]> kafka = context.getBean(Kafka.class).template();
        kafka.send(event(taskClaimed("mod-1")));
        ProducerRecord<String, byte[]> poison =
                new ProducerRecord<>(Topics.TASKS, 0, "case-1", "{\"actor\":\"a\\u0000b\"}".getBytes(UTF_8));
        poison.headers().add(CloudEventHeaders.ID, "poison".getBytes(UTF_8));
        poison.headers().add(CloudEventHeaders.TYPE, "dev.takedown.task.claimed.v1".getBytes(UTF_8));
        kafka.send(poison);
        kafka.send(event(taskClaimed("mod-2")));
        // an outsider's claim on the inbound topic: a decision by "senior"
        ProducerRecord<String, byte[]> forged = new ProducerRecord<>(
                Topics.NOTICES_INBOUND, 0, "org-a:k", "{\"outcome\":\"REJECT\",\"actor\":\"senior\"}".getBytes(UTF_8));
        forged.headers().add(CloudEventHeaders.TYPE, "dev.takedown.notice.decided.v1".getBytes(UTF_8));
        forged.headers().add(CloudEventHeaders.SUBJECT, "case-1".getBytes(UTF_8));
        kafka.send(forged);
        kafka.flush();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ledger.rows())
                        .extracting(LedgerRecord::actor)
                        .containsExactlyInAnyOrder("mod-1", "mod-2", "external:unauthenticated"));
        assertThat(ledger.rows())
                .filteredOn(r -> r.topic().equals(Topics.NOTICES_INBOUND))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.eventType()).as("unsigned").isEqualTo(Provenance.INBOUND_REFUSED);
                    assertThat(r.caseId()).isNull();
                });

        List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(Topics.TASKS + LedgerListeners.DLT_SUFFIX, 1);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), UTF_8)).isEqualTo("{\"actor\":\"a\\u0000b\"}");
            assertThat(header(record, LedgerListeners.REASON)).contains("NUL");
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.TASKS);
        });
    }

    private static ProducerRecord<String, byte[]> event(TaskClaimed event) {
        String body = "{\"eventId\":\"" + event.eventId() + "\",\"caseId\":\"case-1\",\"actor\":\"" + event.actor()
                + "\",\"taskId\":\"t\"}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TASKS, 0, "case-1", body.getBytes(UTF_8));
        CloudEventHeaders.of(event)
                .forEach((name, value) ->
                        record.headers().add(name, String.valueOf(value).getBytes(UTF_8)));
        return record;
    }

    private static TaskClaimed taskClaimed(String actor) {
        return new TaskClaimed(UUID.randomUUID(), Instant.now(), "case-1", actor, "t");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableKafka
    static class Kafka {

        private final KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer()));

        KafkaTemplate<String, byte[]> template() {
            return template;
        }

        @Bean
        KafkaTemplate<String, byte[]> kafkaTemplate() {
            return template;
        }

        @Bean
        ConsumerFactory<Object, Object> consumerFactory() {
            return new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class));
        }
    }
}
