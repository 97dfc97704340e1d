package dev.takedown.local;

import dev.takedown.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * PostgreSQL 17 from Maven-delivered binaries and a single-node KRaft broker in this JVM: everything Takedown needs,
 * with nothing installed. Closing stops the broker, then PostgreSQL; the application context must be closed first,
 * or the engine waits on a dead pool at shutdown.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;

    private LocalInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param dataDirectory where PostgreSQL keeps its files; kept between starts so cases survive a restart
     * @param postgresPort  0 for any free port
     */
    public static LocalInfrastructure start(Path dataDirectory, int postgresPort) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
            if (postgresPort > 0) {
                builder.setPort(postgresPort);
            }
            EmbeddedPostgres postgres = builder.start();
            // the KRaft test broker picks a free port itself (kafkaPorts is ignored); clients learn it from here
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.toArray(String[]::new));
            kafka.afterPropertiesSet();
            return new LocalInfrastructure(postgres, kafka);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** Spring properties that point the application at this infrastructure. */
    public Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url",
                jdbcUrl(),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres",
                "spring.kafka.bootstrap-servers",
                kafkaBootstrapServers());
    }

    @Override
    public void close() {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
