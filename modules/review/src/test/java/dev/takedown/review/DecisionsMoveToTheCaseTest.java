package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.testing.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Review's V42 moves its decisions into the case's {@code case_decision} (notices' V17) on a database that was
 * migrated before both existed, as Flyway's out-of-order run meets it: everything else applied, then V17, V18 and V42
 * in version order.
 */
class DecisionsMoveToTheCaseTest {

    /** Shipped after that database was migrated; V43 (complaints per decision) came later still. */
    private static final Set<String> NEW = Set.of("V17__", "V18__", "V42__", "V43__");

    private static final Instant DECIDED = Instant.parse("2025-09-19T03:00:00Z");

    @Test
    void everyDecisionMovesToItsCaseAndReviewKeepsNone(@TempDir Path shipped) throws IOException {
        DriverManagerDataSource database =
                new DriverManagerDataSource(EmbeddedDatabase.freshDatabaseUrl(), "postgres", "postgres");
        copyMigrationsShippedBefore(shipped);
        Flyway.configure()
                .dataSource(database)
                .locations("filesystem:" + shipped)
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID caseId = UUID.randomUUID();
        jdbc.update(
                "insert into notice (id, organisation_id, submitted_by, channel, profiles, status, body, received_at, "
                        + "request_hash, outcome, decided_by, decision_measures, decision_reason) "
                        + "values (?, 'org-a', 'holder', 'API', 'CN_CC_1195', 'NOTIFIED', '{}'::jsonb, ?, 'h', "
                        + "'NO_ACTION', 'senior', '', 'overturned on second review: too much')",
                caseId,
                Timestamp.from(DECIDED));
        UUID review = UUID.randomUUID();
        UUID confirmation = UUID.randomUUID();
        decision(jdbc, review, caseId.toString(), "t-1", "REVIEW", "ACCEPT", "ACCOUNT_TERMINATE,DELETE", "repeat");
        decision(jdbc, confirmation, caseId.toString(), "t-2", "CONFIRMATION", "OVERTURN", "", "too much");
        decision(jdbc, UUID.randomUUID(), UUID.randomUUID().toString(), "t-3", "REVIEW", "REJECT", null, "gone");

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();

        assertThat(jdbc.queryForList(
                        "select id, kind, verdict, measures, reason, decided_by from case_decision where case_id = ? "
                                + "order by decided_at, kind desc",
                        caseId))
                .containsExactly(
                        Map.of(
                                "id", review,
                                "kind", "REVIEW",
                                "verdict", "ACCEPT",
                                "measures", "ACCOUNT_TERMINATE,DELETE",
                                "reason", "repeat",
                                "decided_by", "moderator"),
                        row(confirmation));
        assertThat(jdbc.queryForObject("select count(*) from case_decision", Integer.class))
                .as("a decision on a case that no longer exists has nothing to attach to")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select to_regclass('review_decision') is null", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select column_name from information_schema.columns where table_name = 'notice'", String.class))
                .doesNotContain("outcome", "decided_by", "decision_measures", "decision_reason");
    }

    private static Map<String, Object> row(UUID confirmation) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", confirmation);
        row.put("kind", "CONFIRMATION");
        row.put("verdict", "OVERTURN");
        row.put("measures", null);
        row.put("reason", "too much");
        row.put("decided_by", "moderator");
        return row;
    }

    private static void decision(
            JdbcTemplate jdbc,
            UUID id,
            String caseId,
            String taskId,
            String kind,
            String outcome,
            String measures,
            String reason) {
        jdbc.update(
                "insert into review_decision (id, case_id, task_id, kind, outcome, measures, reason, decided_by, "
                        + "decided_at) values (?, ?, ?, ?, ?, ?, ?, 'moderator', ?)",
                id.toString(),
                caseId,
                taskId,
                kind,
                outcome,
                measures,
                reason,
                Timestamp.from(kind.equals("REVIEW") ? DECIDED : DECIDED.plusSeconds(60)));
    }

    /** Every migration on the classpath but the ones this change adds, as a database migrated before it has them. */
    private static void copyMigrationsShippedBefore(Path folder) throws IOException {
        Resource[] migrations =
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*.sql");
        List<Resource> shipped = java.util.Arrays.stream(migrations)
                .filter(m -> NEW.stream().noneMatch(m.getFilename()::startsWith))
                .toList();
        assertThat(shipped).hasSizeGreaterThan(10);
        for (Resource migration : shipped) {
            try (InputStream in = migration.getInputStream()) {
                Files.copy(in, folder.resolve(migration.getFilename()));
            }
        }
    }
}
