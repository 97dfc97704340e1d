package dev.takedown.local;

import dev.takedown.TakedownApplication;
import dev.takedown.testing.FakeOidcProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on real PostgreSQL and a real KRaft broker, in the local
 * profile (demo accounts, HTTP Basic on the API, page sign-in through {@link FakeOidcProvider}, so that its doors are
 * in the authorization matrix and the bad-input corpus). All subclasses share
 * one cached context: a second one would start a second process engine in this JVM, which Camunda's webapps and REST
 * API cannot tell apart from the first. Failsafe runs two test JVMs, each with its own context, and each takes one
 * class at a time.
 */
@SpringBootTest(
        classes = TakedownApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // real durations: tests fire the timers they mean to, nothing fires on its own mid-test
            "takedown.review.time-compression=1",
            "takedown.time-compression=1",
            // the retention purge runs only when a test calls it
            "takedown.audit.retention.purge-cron=-",
            // /actuator/prometheus as in production (Spring Boot's tests turn metrics export off), its Kafka gauges
            // read every 2 s, not every 30 s (OperationsIT)
            "management.prometheus.metrics.export.enabled=true",
            "takedown.metrics.kafka-refresh=PT2S",
            // the reference platform confirms at once, not after the demo's second: every decided case waits for it
            "takedown.reference-adapter.delay=PT0.05S",
            "spring.datasource.hikari.connection-timeout=5000",
            // statements of reasons go to the local stand-in of the TDB when a test sends them, not on a schedule
            "takedown.audit.tdb.interval=PT24H",
            "takedown.audit.tdb.settle=PT0S"
        })
@ActiveProfiles("local")
public abstract class StackTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().properties().forEach((key, value) -> registry.add(key, () -> value));
        // page sign-in through an OIDC issuer: on for the one shared context
        registry.add("takedown.oidc.issuer-uri", () -> TestInfrastructure.oidc().issuer());
        registry.add("takedown.oidc.client-id", () -> FakeOidcProvider.CLIENT_ID);
        registry.add("takedown.oidc.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("takedown.oidc.name", () -> FakeOidcProvider.NAME);
        registry.add("takedown.evidence.directory", () -> EVIDENCE_DIRECTORY.toString());
        registry.add(
                "takedown.audit.tdb.url",
                () -> TestInfrastructure.transparencyDatabase().url());
        registry.add("takedown.audit.tdb.token", () -> LocalTransparencyDatabase.TOKEN);
    }

    /** Evidence files of the test JVM's cases, in a fresh temporary directory. */
    protected static final Path EVIDENCE_DIRECTORY = evidenceDirectory();

    private static Path evidenceDirectory() {
        try {
            return Files.createTempDirectory("takedown-it-evidence");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
