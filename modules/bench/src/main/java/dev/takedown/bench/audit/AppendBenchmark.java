package dev.takedown.bench.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.takedown.audit.internal.AuditProperties;
import dev.takedown.audit.internal.LedgerAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Ledger appends on embedded PostgreSQL 17, in records per second: {@value #BATCH} records in one transaction (what
 * the batch listener does with a poll) against the same records one transaction each. Both run as the restricted
 * role over 4 chains, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    static final int BATCH = 200;
    private static final String PAYLOAD_PAD = "x".repeat(300);

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private LedgerAppender appender;
    private long offset;

    @Setup(Level.Trial)
    public void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        dataSource.setMaximumPoolSize(2);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/audit")
                .load()
                .migrate();
        appender = new LedgerAppender(
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                new AuditProperties(
                        "2026-11-01",
                        true,
                        4,
                        new AuditProperties.Checkpoint(null),
                        new AuditProperties.Signing(null, false, null),
                        new AuditProperties.Tsa(null, null, null)));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        dataSource.close();
        postgres.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batched() {
        return appender.appendAll(records()).size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int oneRecordPerTransaction() {
        int appended = 0;
        for (ConsumerRecord<String, String> record : records()) {
            appended += appender.append(record).isPresent() ? 1 : 0;
        }
        return appended;
    }

    /** Fresh event ids each time, so nothing is skipped as a redelivery; ~400-byte bodies over 50 cases. */
    private List<ConsumerRecord<String, String>> records() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long n = offset++;
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", "dev.takedown.task.claimed.v1".getBytes(StandardCharsets.UTF_8));
            String body = "{\"caseId\":\"case-" + n % 50 + "\",\"actor\":\"mod-" + n % 7 + "\",\"taskId\":\"task-" + n
                    + "\",\"note\":\"" + PAYLOAD_PAD + "\"}";
            records.add(new ConsumerRecord<>(
                    "takedown.tasks",
                    0,
                    n,
                    System.currentTimeMillis(),
                    TimestampType.CREATE_TIME,
                    -1,
                    -1,
                    "case-" + n % 50,
                    body,
                    headers,
                    Optional.empty()));
        }
        return records;
    }
}
