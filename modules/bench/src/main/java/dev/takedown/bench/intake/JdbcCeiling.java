package dev.takedown.bench.intake;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The ceiling for intake (issue 9): one transaction per notice that inserts the notice row (same columns and JSON
 * body as the app) and its outbox row (same shape as Modulith's {@code event_publication}), nothing else. Driven
 * open-loop at a constant rate like {@link LoadDriver}: 10 worker connections (Hikari's default pool), latency from
 * the intended start.
 */
public final class JdbcCeiling implements AutoCloseable {

    private final HikariDataSource dataSource;

    public JdbcCeiling(String jdbcUrl) throws SQLException {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists ceiling_notice (id uuid primary key, organisation_id varchar(100) "
                    + "not null, submitted_by varchar(200) not null, channel varchar(20) not null, profiles "
                    + "varchar(200) not null, status varchar(40) not null, body jsonb not null, received_at timestamptz "
                    + "not null, idempotency_key varchar(200), request_hash varchar(64) not null, version bigint not "
                    + "null default 0, unique (organisation_id, idempotency_key))");
            s.execute("create index if not exists ceiling_notice_org on ceiling_notice (organisation_id, received_at)");
            s.execute("create table if not exists ceiling_outbox (id uuid primary key, listener_id text not null, "
                    + "event_type text not null, serialized_event text not null, publication_date timestamptz not "
                    + "null, completion_date timestamptz)");
        }
    }

    void insertOne() throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String body = LoadDriver.notice();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement notice = c.prepareStatement(
                            "insert into ceiling_notice (id, organisation_id, "
                                    + "submitted_by, channel, profiles, status, body, received_at, request_hash) "
                                    + "values (?, 'org-a', 'rightsholder-a', 'API', 'CN_CC_1195', 'RECEIVED', ?::jsonb, ?, ?)");
                    PreparedStatement outbox = c.prepareStatement("insert into ceiling_outbox (id, listener_id, "
                            + "event_type, serialized_event, publication_date) values (?, ?, ?, ?, ?)")) {
                notice.setObject(1, id);
                notice.setString(2, body);
                notice.setTimestamp(3, now);
                notice.setString(4, Integer.toHexString(body.hashCode()));
                notice.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, "externalization");
                outbox.setString(3, "dev.takedown.events.NoticeReceived");
                outbox.setString(4, "{\"caseId\":\"" + id + "\"}");
                outbox.setTimestamp(5, now);
                outbox.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public LoadDriver.Report run(double rate, Duration warmup, Duration duration) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(10);
        Recorder latencies = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long warmupCount = warmup.toNanos() / period;
        long measured = Math.max(1, duration.toNanos() / period);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (long i = 0; i < warmupCount + measured; i++) {
            long intended = start + i * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            boolean record = i >= warmupCount;
            workers.execute(() -> {
                boolean ok;
                try {
                    insertOne();
                    ok = true;
                } catch (SQLException e) {
                    ok = false;
                }
                if (record) {
                    latencies.recordValue(System.nanoTime() - intended);
                    (ok ? accepted : failed).incrementAndGet();
                }
            });
        }
        long sendEnd = System.nanoTime();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        Histogram h = latencies.getIntervalHistogram();
        double seconds = (sendEnd - (start + warmupCount * period)) / 1e9;
        return new LoadDriver.Report(
                rate,
                measured,
                accepted.get(),
                failed.get(),
                accepted.get() / seconds,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6,
                h.getMaxValue() / 1e6,
                0,
                0,
                0,
                0,
                0);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
