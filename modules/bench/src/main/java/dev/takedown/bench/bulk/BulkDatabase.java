package dev.takedown.bench.bulk;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** Embedded PostgreSQL 17 with the notices schema (Flyway, as the app migrates it) and a pooled data source. */
public final class BulkDatabase implements AutoCloseable {

    public static final String ORGANISATION = "org-bench";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    public BulkDatabase() {
        this(false);
    }

    /**
     * @param durable {@code true} turns fsync and synchronous commit back on (zonky's embedded PostgreSQL turns them
     *                off), as a production server commits
     */
    public BulkDatabase(boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(2);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/notices")
                .load()
                .migrate();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Empties the target table (every peer starts from the same state) and opens a fresh RECEIVED case. */
    public UUID freshCase() {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate notice_target");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into notice (id, organisation_id, "
                    + "submitted_by, channel, profiles, status, body, received_at, request_hash) "
                    + "values (?, ?, 'bench', 'API', 'CN_CC_1195', 'RECEIVED', '{}'::jsonb, ?, 'x')")) {
                insert.setObject(1, id);
                insert.setString(2, ORGANISATION);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public long targets(UUID caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count =
                        c.prepareStatement("select count(*) from notice_target where notice_id = ?")) {
            count.setObject(1, caseId);
            var rs = count.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
