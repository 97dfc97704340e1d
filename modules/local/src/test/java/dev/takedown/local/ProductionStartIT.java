package dev.takedown.local;

import static dev.takedown.local.ChildProcesses.awaitHealthy;
import static dev.takedown.local.ChildProcesses.freePort;
import static dev.takedown.local.ChildProcesses.recreate;
import static dev.takedown.local.ChildProcesses.tail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The packaged jar started as operators start it in production (no local, test or demo profile), in a JVM of its own
 * on the test JVM's PostgreSQL and broker: every unsafe setting stops it with a message naming the setting, before it
 * accepts a connection on its port, creates a Kafka consumer or starts the job executor; with every setting safe it
 * starts on a fresh database. What properties decide is checked in one run (ProductionSettingsTest has each case);
 * each database-dependent case once. Logs stay in {@code target/production-start/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionStartIT {

    private static final Path WORK = Path.of("target/production-start").toAbsolutePath();
    private static final Path PRODUCTION_REALM = Path.of("../../config/keycloak/takedown-realm.json")
            .toAbsolutePath()
            .normalize();
    private static final Path DEMO_REALM = Path.of("../../config/keycloak/takedown-demo-realm.json")
            .toAbsolutePath()
            .normalize();

    /**
     * Lines that only a started web server, Kafka consumer and job executor write; and Kafka's admin client, which
     * creates the topics from a singleton called after the account check.
     */
    private static final List<String> STARTED = List.of(
            "Tomcat started on port",
            "ConsumerConfig values",
            "Starting up the JobExecutor",
            "AdminClientConfig values");

    private static String databaseUrl;
    private static JdbcTemplate database;
    private static Map<String, String> safe;

    private record Run(int exitCode, String log, boolean connected) {}

    @BeforeAll
    static void prepare() throws Exception {
        recreate(WORK);
        LocalInfrastructure infrastructure = TestInfrastructure.get();
        String name = "production_start_" + ProcessHandle.current().pid();
        new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(), "postgres", "postgres"))
                .execute("drop database if exists " + name);
        new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(), "postgres", "postgres"))
                .execute("create database " + name);
        databaseUrl = infrastructure.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        database = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));

        safe = new LinkedHashMap<>();
        safe.put("SPRING_DATASOURCE_URL", databaseUrl);
        safe.put("SPRING_DATASOURCE_USERNAME", "postgres");
        safe.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        safe.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        safe.put("TAKEDOWN_LINKS_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        safe.put("TAKEDOWN_AUDIT_SIGNING_KEY_PATH", signingKey().toString());
        safe.put(
                "TAKEDOWN_EVIDENCE_DIRECTORY",
                Files.createDirectories(WORK.resolve("evidence")).toString());
        safe.put("TAKEDOWN_SECURITY_REALMIMPORTS", PRODUCTION_REALM.toString());
        safe.put("TAKEDOWN_INTAKE_KEYS_PORTALA_ORGANISATION", "org-a");
        safe.put("TAKEDOWN_INTAKE_KEYS_PORTALA_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        safe.put("TAKEDOWN_DESIGNATEDAGENT_REGISTRATIONNUMBER", "DMCA-1051234");
        safe.put("TAKEDOWN_DESIGNATEDAGENT_EMAIL", "copyright@platform.test");
        safe.put("TAKEDOWN_ART18_AUTHORITY_NAME", "Landeskriminalamt Berlin");
        safe.put("TAKEDOWN_ART18_AUTHORITY_EMAIL", "internetwache@polizei.berlin.de");
        safe.put("TAKEDOWN_ENFORCEMENT_KEYS_SCREENING2026_ORGANISATION", "screening-nodes");
        safe.put("TAKEDOWN_ENFORCEMENT_KEYS_SCREENING2026_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        safe.put("TAKEDOWN_SCREENING_ANSWERKEY", "screening2026");
    }

    @Test
    @Order(1)
    void everyUnsafeSettingIsNamedAndNothingStarts() throws Exception {
        Map<String, String> unsafe = new LinkedHashMap<>(safe);
        unsafe.put("TAKEDOWN_LINKS_SECRET", "local-demo-secret-not-for-production-0123456789");
        unsafe.remove("TAKEDOWN_AUDIT_SIGNING_KEY_PATH");
        unsafe.put("TAKEDOWN_TIME_COMPRESSION", "21600");
        unsafe.put("TAKEDOWN_REVIEW_TIME_COMPRESSION", "60");
        // docker/env.example's client hash: BCrypt of "demo"
        unsafe.put("TAKEDOWN_NODE_CLIENTS_PLATFORM", "$2a$10$4MP8X9Ex4NwBi8K/J7ETYOM27OwVVpHfCE/9Cy4UOgspRiAxBfFci");
        unsafe.put("TAKEDOWN_SECURITY_TRUSTEDPROXIES", "0.0.0.0/0");
        unsafe.put("TAKEDOWN_SECURITY_REALMIMPORTS", DEMO_REALM.toString());
        unsafe.put("TAKEDOWN_ENGINEREST_DEPLOYMENTS", "ALLOWED");
        unsafe.put("CAMUNDA_BPM_DATABASE_SCHEMAUPDATE", "true");
        unsafe.put("TAKEDOWN_INTAKE_KEYS_PORTALA_SECRET", "local-demo-intake-key-org-a-not-for-production");

        Run run = start("unsafe-settings", unsafe);

        assertRefused(run);
        assertThat(run.log())
                .contains("Unsafe production settings")
                .contains("takedown.links.secret")
                .contains("takedown.audit.signing.key-path")
                .contains("takedown.time-compression: is 21600")
                .contains("takedown.review.time-compression: is 60")
                .contains("takedown.node.clients.platform")
                .contains("takedown.security.trusted-proxies")
                .contains("takedown.security.realm-imports (" + DEMO_REALM + ")")
                .contains("client 'takedown-api' is public and takes passwords")
                .contains("takedown.engine-rest.deployments")
                .contains("camunda.bpm.database.schema-update")
                .contains("takedown.intake.keys.portala.secret");
        assertThat(database.queryForObject(
                        "select count(*) from information_schema.tables where table_schema = 'public'", Long.class))
                .as("refused before it touched the database")
                .isZero();
    }

    @Test
    @Order(2)
    void withEverySettingSafeItStartsOnAFreshDatabase() throws Exception {
        int port = freePort();
        Process process = launch("safe", safe, port);
        Path log = WORK.resolve("safe.log");
        try {
            awaitHealthy("safe", process, "http://localhost:" + port, log);
            assertThat(Files.readString(log))
                    .as("the lines the refused runs must not have")
                    .contains(STARTED);
            assertThat(database.queryForObject("select count(*) from act_ge_property", Long.class))
                    .as("Flyway made Camunda's tables")
                    .isPositive();
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(3)
    void aDemoAccountInTheDatabaseStopsTheStart() throws Exception {
        database.update(
                "insert into app_user (username, password_hash, role) values ('admin', ?, 'ADMIN')",
                new BCryptPasswordEncoder().encode("demo"));
        try {
            Run run = start("demo-account", safe);

            assertRefused(run);
            assertThat(run.log()).contains("Unsafe production settings").contains("app_user 'admin'");
        } finally {
            database.update("delete from app_user where username = 'admin'");
        }
    }

    @Test
    @Order(4)
    void aCamundaSchemaMissingATableStopsTheStart() throws Exception {
        database.execute("drop table act_ru_meter_log");

        Run run = start("missing-table", safe);

        assertRefused(run);
        assertThat(run.log()).contains("Camunda's schema is incomplete").contains("act_ru_meter_log");
    }

    private static void assertRefused(Run run) {
        assertThat(run.exitCode()).as(run.log()).isNotZero();
        assertThat(run.connected()).as("a connection was accepted on its port").isFalse();
        for (String line : STARTED) {
            assertThat(run.log()).as("started before refusing: " + line).doesNotContain(line);
        }
    }

    /** Starts the jar, watches its port until it exits, and returns what it said. */
    private static Run start(String name, Map<String, String> environment) throws Exception {
        int port = freePort();
        Process process = launch(name, environment, port);
        AtomicBoolean connected = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (process.isAlive() && !connected.get()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("localhost", port), 100);
                    connected.set(true);
                } catch (IOException refused) {
                    ChildProcesses.sleep(50);
                }
            }
        });
        watcher.start();
        Path log = WORK.resolve(name + ".log");
        if (!process.waitFor(ChildProcesses.STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not stop by itself:\n" + tail(log));
        }
        watcher.join();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), connected.get());
    }

    private static Process launch(String name, Map<String, String> environment, int port) throws IOException {
        Path directory = Files.createDirectories(WORK.resolve(name));
        // the packaged jar as the other child-JVM tests start it
        ProcessBuilder builder = new ProcessBuilder(PackagedApp.get().command(List.of()))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve(name + ".log").toFile());
        // nothing of the test JVM's Spring, Camunda or Takedown settings leaks into the child
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("SPRING_") || k.startsWith("TAKEDOWN_") || k.startsWith("CAMUNDA_"));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        return builder.start();
    }

    /** A fresh Ed25519 checkpoint key as PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it. */
    private static Path signingKey() throws Exception {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(WORK.resolve("audit-ed25519.pem"), pem);
    }
}
