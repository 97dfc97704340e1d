package dev.takedown.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.takedown.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * PostgreSQL 17 from Maven-delivered binaries, a single-node KRaft broker and a mail server (GreenMail: SMTP for the
 * letters, IMAP for the bounce mailbox) in this JVM: everything Takedown needs, with nothing installed. Closing stops
 * the mail server and the broker, then PostgreSQL; the application context must be closed first, or the engine waits
 * on a dead pool at shutdown.
 */
public final class LocalInfrastructure implements AutoCloseable {

    static final String BOUNCE_ADDRESS = "bounces@takedown.localhost";

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final GreenMail mail;

    private LocalInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka, GreenMail mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
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
            return new LocalInfrastructure(postgres, kafka, startMail());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * SMTP and IMAP on free ports. Every address receives (GreenMail creates the mailbox on first delivery), so the
     * demo accounts and the uploaders get their letters; the bounce mailbox has a login for the application.
     */
    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser(BOUNCE_ADDRESS, "bounces", "bounces"));
        mail.start();
        return mail;
    }

    /** The local mail server: what each address received. */
    public GreenMail mail() {
        return mail;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** Spring properties that point the application at this infrastructure. */
    public Map<String, Object> properties() {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", jdbcUrl()),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("spring.kafka.bootstrap-servers", kafkaBootstrapServers()),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", mail.getSmtp().getPort()),
                Map.entry("takedown.correspondence.bounce-address", BOUNCE_ADDRESS),
                Map.entry("takedown.correspondence.bounces.host", "127.0.0.1"),
                Map.entry("takedown.correspondence.bounces.port", mail.getImap().getPort()),
                Map.entry("takedown.correspondence.bounces.protocol", "imap"),
                Map.entry("takedown.correspondence.bounces.username", "bounces"),
                Map.entry("takedown.correspondence.bounces.password", "bounces"));
    }

    @Override
    public void close() {
        mail.stop();
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
