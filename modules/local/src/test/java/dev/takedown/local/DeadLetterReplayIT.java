package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takedown.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead letter replayed from the page after its cause was fixed: the record goes back to its topic, its consumer
 * now takes it, the dead letter is marked replayed and the ledger names who replayed it.
 */
class DeadLetterReplayIT extends StackTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorReplaysADeadLetteredNoticeAndItsCaseOpens() {
        // an inbound notice the intake dead-lettered while its cause lasted (say the database refused it), as the
        // recoverer records it
        String idempotencyKey = UUID.randomUUID().toString();
        String target = "https://gen.example/dlt/" + idempotencyKey;
        UUID id = UUID.randomUUID();
        // as org-b's portal signed it: the replay sends the record's own headers with it
        ProducerRecord<String, String> signed =
                SignedInbound.notice("org-b:" + idempotencyKey, Notices.complete(target));
        StringBuilder headers = new StringBuilder("[");
        signed.headers()
                .forEach(h -> headers.append(headers.length() > 1 ? "," : "")
                        .append("{\"name\":\"")
                        .append(h.key())
                        .append("\",\"value\":\"")
                        .append(java.util.Base64.getEncoder().encodeToString(h.value()))
                        .append("\"}"));
        headers.append("]");
        jdbc.update(
                """
                insert into dead_letter (id, topic, kafka_partition, kafka_offset, record_key, payload, headers, reason,
                    consumer_group, dead_at, status)
                values (?, ?, 0, ?, ?, ?, cast(? as jsonb), 'CannotCreateTransactionException: database down',
                    'takedown-notices', ?, 'OPEN')""",
                id,
                Topics.NOTICES_INBOUND,
                System.nanoTime(),
                signed.key(),
                signed.value().getBytes(StandardCharsets.UTF_8),
                headers.toString(),
                Timestamp.from(Instant.now()));

        PageSession admin = PageSession.login(baseUrl(), "admin");
        assertThat(admin.get("/admin/dead-letters?topic=" + Topics.NOTICES_INBOUND)
                        .body())
                .contains("org-b:" + idempotencyKey)
                .contains("CannotCreateTransactionException: database down");
        PageSession.Response replayed = admin.postForm("/admin/dead-letters/" + id + "/replay", Map.of(), true);
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(admin.get("/admin/dead-letters").body()).contains("to its topic");

        await().atMost(Cases.PATIENCE)
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from notice where organisation_id = 'org-b' and idempotency_key = ?",
                                Integer.class,
                                idempotencyKey),
                        count -> count == 1);
        assertThat(jdbc.queryForMap("select status, resolved_by from dead_letter where id = ?", id))
                .containsEntry("status", "REPLAYED")
                .containsEntry("resolved_by", "admin");
        await().atMost(Cases.PATIENCE)
                .until(
                        () -> jdbc.queryForList(
                                "select actor from audit_ledger where event_type = 'dev.takedown.dead-letter.resolved.v1'"
                                        + " and payload::text like ?",
                                String.class,
                                "%" + id + "%"),
                        actors -> actors.contains("admin"));

        // a second replay finds nothing open: the record is not sent twice
        admin.postForm("/admin/dead-letters/" + id + "/replay", Map.of(), true);
        assertThat(admin.get("/admin/dead-letters").body()).contains("That dead letter is no longer open.");
    }

    /**
     * A record another handler put on a dead-letter topic (here as the ledger's own would, with spring-kafka's
     * headers) reaches the page through the dead-letter topics' reader, under the record it replaced.
     */
    @Test
    void aRecordOnADeadLetterTopicReachesThePage() throws Exception {
        long offset = 1_000_000_000L + (System.nanoTime() % 1_000_000_000L);
        ProducerRecord<String, String> dead = new ProducerRecord<>(
                Topics.NOTICE_EVENTS + ".DLT", null, "case-dlt-" + offset, "{\"actor\":\"a\\u0000b\"}");
        dead.headers()
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.NOTICE_EVENTS.getBytes(StandardCharsets.UTF_8))
                .add(
                        KafkaHeaders.DLT_ORIGINAL_PARTITION,
                        ByteBuffer.allocate(4).putInt(0).array())
                .add(
                        KafkaHeaders.DLT_ORIGINAL_OFFSET,
                        ByteBuffer.allocate(8).putLong(offset).array())
                .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "takedown-audit".getBytes(StandardCharsets.UTF_8))
                .add("takedown-dlt-reason", "DataIntegrityViolationException: NUL".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer =
                new FaultKafka(TestInfrastructure.get().kafkaBootstrapServers()).producer()) {
            producer.send(dead).get();
        }

        await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> jdbc.queryForList(
                                "select reason from dead_letter where topic = ? and kafka_offset = ?",
                                String.class,
                                Topics.NOTICE_EVENTS,
                                offset),
                        reasons -> reasons.equals(java.util.List.of("DataIntegrityViolationException: NUL")));
        assertThat(PageSession.login(baseUrl(), "compliance")
                        .get("/admin/dead-letters?topic=" + Topics.NOTICE_EVENTS)
                        .body())
                .contains(Topics.NOTICE_EVENTS + "-0@" + offset)
                .contains("case-dlt-" + offset);
    }
}
