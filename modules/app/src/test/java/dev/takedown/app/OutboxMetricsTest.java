package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The outbox gauges read the event publication registry of a real PostgreSQL as Prometheus would scrape them. */
class OutboxMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static EmbeddedPostgres postgres;

    private final DataSource database;
    private final JdbcTemplate jdbc;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    OutboxMetricsTest() {
        String name = "outbox_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
        database = new DriverManagerDataSource(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        jdbc = new JdbcTemplate(database);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/app")
                .load()
                .migrate();
        new OutboxMetrics(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(registry);
    }

    @Test
    void anEmptyOutboxHasNoBacklog() {
        assertThat(gauge("takedown.outbox.incomplete")).isZero();
        assertThat(gauge("takedown.outbox.oldest.incomplete")).isZero();
    }

    @Test
    void incompletePublicationsAreCountedAndTheOldestAged() {
        publication(NOW.minusSeconds(600), NOW.minusSeconds(590));
        publication(NOW.minusSeconds(90), null);
        publication(NOW.minusSeconds(30), null);
        publication(NOW.minusSeconds(5), NOW.minusSeconds(4));

        assertThat(gauge("takedown.outbox.incomplete")).isEqualTo(2);
        assertThat(gauge("takedown.outbox.oldest.incomplete")).isEqualTo(90);
        assertThat(registry.get("takedown.outbox.oldest.incomplete")
                        .gauge()
                        .getId()
                        .getBaseUnit())
                .isEqualTo("seconds");
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void publication(Instant published, Instant completed) {
        jdbc.update(
                "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                        + "completion_date) values (?, 'externalizer', 'dev.takedown.events.CaseViewed', '{}', ?, ?)",
                UUID.randomUUID(),
                Timestamp.from(published),
                completed == null ? null : Timestamp.from(completed));
    }
}
