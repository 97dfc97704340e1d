package dev.takedown.audit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.TakedownEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A real PostgreSQL 17 with the module's migrations, and Kafka records as the externaliser sends them. */
public final class EmbeddedLedger implements AutoCloseable {

    static final Instant KAFKA_TIME = Instant.parse("2025-03-01T12:00:00.123Z");
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    final EmbeddedPostgres postgres;
    final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final DataSourceTransactionManager transactions;
    private final Flyway flyway;
    private final AtomicLong nextOffset = new AtomicLong();

    public EmbeddedLedger() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(6);
        flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/audit")
                .cleanDisabled(false)
                .load();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    /** The ledger refuses TRUNCATE, so every test starts from a freshly migrated schema. */
    public void reset() {
        flyway.clean();
        flyway.migrate();
    }

    public static AuditProperties properties(int chains) {
        return new AuditProperties(
                "2026-11-01",
                true,
                chains,
                new AuditProperties.Checkpoint(null),
                new AuditProperties.Signing(null, false, null),
                new AuditProperties.Tsa(null, null, null));
    }

    /** Changes the ledger behind the triggers' back, as a superuser could. */
    void tamper(String sql, Object... args) {
        jdbc.execute("alter table audit_ledger disable trigger user");
        jdbc.execute("alter table audit_checkpoint disable trigger user");
        jdbc.execute("alter table audit_checkpoint_timestamp disable trigger user");
        try {
            jdbc.update(sql, args);
        } finally {
            jdbc.execute("alter table audit_ledger enable trigger user");
            jdbc.execute("alter table audit_checkpoint enable trigger user");
            jdbc.execute("alter table audit_checkpoint_timestamp enable trigger user");
        }
    }

    public List<LedgerRecord> rows() {
        return jdbc.query(LedgerRows.SELECT + " order by chain, seq", LedgerRows.MAPPER);
    }

    List<LedgerRecord> rows(int chain) {
        return jdbc.query(LedgerRows.SELECT + " where chain = ? order by seq", LedgerRows.MAPPER, chain);
    }

    /** A record as the Modulith externaliser sends it: CloudEvents headers, the event's JSON as the value. */
    ConsumerRecord<String, String> record(String topic, TakedownEvent event) {
        Map<String, String> headers = new HashMap<>();
        CloudEventHeaders.of(event).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        try {
            return record(topic, EVENTS.writeValueAsString(event), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ConsumerRecord<String, String> record(String topic, String value, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text.getBytes(UTF_8)));
        return new ConsumerRecord<>(
                topic,
                0,
                nextOffset.getAndIncrement(),
                KAFKA_TIME.toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "key",
                value,
                kafkaHeaders,
                Optional.empty());
    }

    long lastOffset() {
        return nextOffset.get() - 1;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
