package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takedown.events.Topics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
        jdbc.update(
                """
                insert into dead_letter (id, topic, kafka_partition, kafka_offset, record_key, payload, headers, reason,
                    consumer_group, dead_at, status)
                values (?, ?, 0, ?, ?, ?, '[]', 'CannotCreateTransactionException: database down', 'takedown-notices',
                    ?, 'OPEN')""",
                id,
                Topics.NOTICES_INBOUND,
                System.nanoTime(),
                "org-b:" + idempotencyKey,
                Notices.complete(target).getBytes(java.nio.charset.StandardCharsets.UTF_8),
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
}
