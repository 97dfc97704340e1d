package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.app.OutboxRetention;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Completed outbox entries go after the retention period (7 days); newer ones and incomplete ones stay. */
class OutboxRetentionIT extends StackTest {

    private static final String LISTENER = "outbox-retention-it";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private OutboxRetention retention;

    @Test
    void deletesOnlyCompletedEntriesOlderThanTheRetention() {
        Instant now = Instant.now();
        UUID oldCompleted = insert(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
        UUID recentCompleted = insert(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(6)));
        UUID oldIncomplete = insert(now.minus(Duration.ofDays(30)), null);
        try {
            retention.purge();

            assertThat(jdbc.queryForList(
                            "select id from event_publication where listener_id = ?", UUID.class, LISTENER))
                    .containsExactlyInAnyOrder(recentCompleted, oldIncomplete)
                    .doesNotContain(oldCompleted);
        } finally {
            jdbc.update("delete from event_publication where listener_id = ?", LISTENER);
        }
    }

    private UUID insert(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date) values (?, ?, ?, ?, ?, ?)",
                id,
                LISTENER,
                "dev.takedown.local.NoSuchEvent",
                "{}",
                Timestamp.from(published),
                completed == null ? null : Timestamp.from(completed));
        return id;
    }
}
