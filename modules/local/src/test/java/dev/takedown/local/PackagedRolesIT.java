package dev.takedown.local;

import static dev.takedown.local.ChildProcesses.awaitHealthy;
import static dev.takedown.local.ChildProcesses.awaitLine;
import static dev.takedown.local.ChildProcesses.freePort;
import static dev.takedown.local.ChildProcesses.java;
import static dev.takedown.local.ChildProcesses.recreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takedown.events.Topics;
import dev.takedown.testing.NoticeJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The roles of a process, as operators run them: three JVMs of the packaged jar ({@code takedown-app-*-exec.jar}),
 * configured only through environment variables as {@code docker/compose.yaml} does, against PostgreSQL (embedded, in
 * this JVM) and a KRaft broker in a process of its own. The application node files and decides; the screening node,
 * which never opens the database, refuses the prompt from what it read on Kafka; the audit node, which has no engine,
 * shows the case's ledger records. Every process is stopped afterwards; their logs stay in
 * {@code target/packaged-roles/}.
 */
@Tag("packaged")
class PackagedRolesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Path WORK = Path.of("target/packaged-roles");

    private static final Map<String, Process> PROCESSES = new LinkedHashMap<>();
    private static final Thread REAPER = new Thread(PackagedRolesIT::stopAll, "packaged-roles-reaper");
    private static EmbeddedPostgres postgres;
    private static Node app;
    private static Node screening;
    private static Node audit;

    private record Node(String name, String url, Process process, Path log) {}

    @BeforeAll
    static void startThreeRoles() throws Exception {
        recreate(WORK);
        PackagedApp jar = PackagedApp.get();
        Runtime.getRuntime().addShutdownHook(REAPER);

        Process broker = launch(
                "kafka",
                List.of(
                        java(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Broker.class.getName()),
                Map.of(),
                WORK);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("takedown-packaged-pg"))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .start();
        String kafka = awaitLine(broker, WORK.resolve("kafka.log"), Broker.READY);

        Map<String, String> database = Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres");

        Map<String, String> appEnvironment = new LinkedHashMap<>(database);
        appEnvironment.putAll(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka,
                // the local profile brings the link secret, Basic auth on the API and a generated checkpoint key
                "SPRING_PROFILES_ACTIVE", "local",
                "TAKEDOWN_TIME_COMPRESSION", "1",
                "TAKEDOWN_REVIEW_TIME_COMPRESSION", "1"));
        app = node("app", jar, appEnvironment);
        // needs no database: it can start beside the application node
        screening = node(
                "screening",
                jar,
                Map.of(
                        "TAKEDOWN_ROLE",
                        "screening",
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        kafka,
                        "TAKEDOWN_NODE_CLIENTS_PLATFORM",
                        new BCryptPasswordEncoder(4).encode("demo"),
                        // production refuses the demo secret's hash (ProductionStartIT)
                        "SPRING_PROFILES_ACTIVE",
                        "test",
                        // it signs its answers with the local profile's screening key, which the app node verifies
                        "SPRING_APPLICATION_JSON",
                        """
                        {"takedown": {"screening": {"answer-key": "screening-local"}, "enforcement": {"keys":
                          {"screening-local": {"organisation": "screening-nodes",
                                               "secret": "local-demo-screening-key-not-for-production"}}}}}"""));

        awaitHealthy(app.name(), app.process(), app.url(), app.log());
        // the application node has migrated the schema; the local profile's accounts live in modules/local, not in
        // the packaged jar, so they are seeded the way DemoAccounts seeds them
        new DemoAccounts(new JdbcTemplate(postgres.getPostgresDatabase())).run(null);

        Map<String, String> auditEnvironment = new LinkedHashMap<>(database);
        auditEnvironment.putAll(Map.of(
                "TAKEDOWN_ROLE",
                "audit",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                kafka,
                // the key the application node generated, as compose mounts one secret into both
                "TAKEDOWN_AUDIT_SIGNING_KEY_PATH",
                WORK.resolve("app/.data/keys/audit-ed25519.pem")
                        .toAbsolutePath()
                        .toString()));
        audit = node("audit", jar, auditEnvironment);
    }

    @AfterAll
    static void stopEverything() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(REAPER);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    @Test
    void appDecidesScreeningNodeRefusesAuditNodeRecords() {
        Cases cases = new Cases(app.url(), null, null);
        String distinct = "Qvx" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response work =
                Api.as(app.url(), "rightsholder-a").post("/api/works", """
                {"title": "%s", "terms": ["%s"], "replay_prompts": ["draw %s"]}
                """.formatted(distinct, distinct, distinct));
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        String workId = work.json().get("work_id").asText();
        String caseId = cases.file(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-packaged")
                        .json()
                        .replace(
                                "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                "\"works\": [{\"title\": \"" + distinct + "\", \"registered_work_id\": \"" + workId
                                        + "\"}]"));
        Api.Response decided = cases.decide(
                "moderator",
                caseId,
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"PROMPT_FILTER\"],\"reason\":\"reproduces the work\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);

        awaitHealthy(screening.name(), screening.process(), screening.url(), screening.log());
        Api platform = Api.as(screening.url(), "platform");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(decision(platform, "please draw " + distinct + " at night"))
                        .isEqualTo("BLOCK"));
        assertThat(decision(platform, "a quiet landscape with mountains")).isEqualTo("ALLOW");
        assertThat(Api.as(screening.url(), "platform", "wrong")
                        .post("/api/screen/prompt", prompt("hi"))
                        .status())
                .isEqualTo(401);
        assertThat(platform.get("/api/notices").status())
                .as("a screening node screens only")
                .isEqualTo(403);

        awaitHealthy(audit.name(), audit.process(), audit.url(), audit.log());
        Api compliance = Api.as(audit.url(), "compliance");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Api.Response timeline = compliance.get("/api/audit/cases/" + caseId);
            assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
            assertThat(timeline.json().findValuesAsText("event_type"))
                    .contains(
                            "dev.takedown.notice.received.v1",
                            "dev.takedown.notice.decided.v1",
                            "dev.takedown.measure.applied.v1");
        });
        assertThat(compliance.get("/api/audit/verify").json().get("intact").asBoolean())
                .isTrue();
        assertThat(Api.as(audit.url(), "moderator").get("/api/audit/verify").status())
                .isEqualTo(403);
        assertThat(Api.as(audit.url(), "rightsholder-a").get("/api/notices").status())
                .as("an audit node audits only")
                .isEqualTo(403);
    }

    private static String decision(Api screening, String text) {
        return screening
                .post("/api/screen/prompt", prompt(text))
                .json()
                .get("decision")
                .asText();
    }

    private static String prompt(String text) {
        return "{\"prompt\":\"" + text + "\",\"account_id\":\"user-1\"}";
    }

    /** One role of the packaged jar, in its own working directory, on a port chosen here. */
    private static Node node(String name, PackagedApp jar, Map<String, String> environment) throws IOException {
        int port = freePort();
        Map<String, String> withPort = new LinkedHashMap<>(environment);
        withPort.put("SERVER_PORT", String.valueOf(port));
        Path directory = WORK.resolve(name);
        Files.createDirectories(directory);
        Process process = launch(name, jar.command(List.of()), withPort, directory);
        return new Node(name, "http://localhost:" + port, process, WORK.resolve(name + ".log"));
    }

    private static Process launch(String name, List<String> command, Map<String, String> environment, Path directory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve(name + ".log").toFile());
        // nothing of the test JVM's Spring or Takedown settings leaks into the child
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("TAKEDOWN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        synchronized (PROCESSES) {
            PROCESSES.put(name, process);
        }
        return process;
    }

    /** Asks every process to stop, waits a grace period, then kills what is left; then stops PostgreSQL. */
    private static void stopAll() {
        List<Process> nodes;
        Process broker;
        synchronized (PROCESSES) {
            broker = PROCESSES.remove("kafka");
            nodes = new ArrayList<>(PROCESSES.values());
            PROCESSES.clear();
        }
        // the roles first, the broker after them: nodes leave their consumer groups while Kafka is still up
        stop(nodes);
        if (broker != null) {
            stop(List.of(broker));
        }
        EmbeddedPostgres database = postgres;
        postgres = null;
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void stop(List<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A single-node KRaft broker as a process of its own, with the contract topics as the application creates them
     * ({@code takedown.measures} compacted), on a port of its own choosing, which it prints after {@link #READY}. It
     * stops when its standard input closes, so it cannot outlive the test JVM even if that is killed.
     */
    public static final class Broker {

        static final String READY = "TAKEDOWN TEST BROKER READY";

        public static void main(String[] args) throws Exception {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "broker-shutdown"));
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                NewTopic created = new NewTopic(topic, 3, (short) 1);
                if (topic.equals(Topics.MEASURES)) {
                    created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                topics.add(created);
            }
            kafka.addTopics(topics.toArray(NewTopic[]::new));
            System.out.println(READY + " " + kafka.getBrokersAsString());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to go away
            }
            System.exit(0);
        }
    }
}
