package dev.takedown.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.bench.bulk.BulkDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine peer runs once, briefly, on embedded PostgreSQL: the real diagram and decision table with stub delegates,
 * singly and in batches with validation in the starting transaction (no timing). A class of its own, so that the
 * module's two test JVMs share the work.
 */
class EnginePeerSmokeTest {

    @Test
    void enginePeerTakesTheLifecycleToItsReviewTask() throws Exception {
        try (BulkDatabase database = new BulkDatabase()) {
            String url = database.dataSource().getJdbcUrl();
            String line = EnginePeer.measure(
                    Map.of("jdbc-url", url, "mode", "lifecycle", "count", "8", "warmup", "0", "threads", "2"));
            assertThat(line).startsWith("engine lifecycle batch 1: 8 in");
            // stub delegates, real diagram and decision table: each instance waits in the review task of the queue
            // triage chose for a rights holder's CN notice
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from act_ru_task t join act_ru_identitylink l"
                            + " on l.task_id_ = t.id_ where t.task_def_key_ = 'Task_ReviewNotice'"
                            + " and l.group_id_ = 'MODERATOR'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(8);
            }
            String batched = EnginePeer.measure(Map.of(
                    "jdbc-url", url,
                    "mode", "lifecycle",
                    "count", "8",
                    "warmup", "0",
                    "batch", "4",
                    "sync-validation", "true"));
            assertThat(batched).startsWith("engine lifecycle batch 4: 8 in");
        }
    }
}
