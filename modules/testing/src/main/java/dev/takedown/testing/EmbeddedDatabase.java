package dev.takedown.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL 17 per test JVM (starting one costs seconds) and a fresh, empty database for every Spring
 * context that asks, so that contexts never see each other's rows and Flyway migrates each from scratch.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     EmbeddedDatabase.register(registry);
 * }
 * }</pre>
 */
public final class EmbeddedDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {}

    /** Points {@code spring.datasource.*} at a new database of the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = freshDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /**
     * A database of its own for a test without a Spring context, migrated by Flyway from these locations (e.g.
     * {@code classpath:db/migration/aigc}).
     */
    public static DataSource migrated(String... flywayLocations) {
        SimpleDriverDataSource dataSource =
                new SimpleDriverDataSource(new Driver(), freshDatabaseUrl(), "postgres", "postgres");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(flywayLocations)
                .load()
                .migrate();
        return dataSource;
    }

    /** A JDBC URL of a database created for the caller alone. */
    public static synchronized String freshDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        new JdbcTemplate(server().getPostgresDatabase()).execute("create database " + name);
        return server().getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }
}
