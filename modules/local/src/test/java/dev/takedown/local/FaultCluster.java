package dev.takedown.local;

import static dev.takedown.local.ChildProcesses.awaitHealthy;
import static dev.takedown.local.ChildProcesses.awaitLine;
import static dev.takedown.local.ChildProcesses.freePort;
import static dev.takedown.local.ChildProcesses.java;
import static dev.takedown.local.ChildProcesses.recreate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The system under fault, as operators run it: PostgreSQL (embedded, in the test JVM, restartable on its port and
 * data directory), a KRaft broker in a process of its own ({@link FaultBroker}: fixed port and log directory, so it
 * can be killed and restarted with its data, or frozen with SIGSTOP) and any number of application nodes, each a JVM
 * of the packaged jar ({@code takedown-app-*-exec.jar}) that can be killed hard ({@code destroyForcibly}, SIGKILL: no
 * shutdown hook runs, like {@code Runtime.halt}) and started again in the same working directory. Logs stay in
 * {@code target/faults/}. {@link #close()} kills everything it started.
 */
final class FaultCluster implements AutoCloseable {

    private final Path work;
    private final PackagedApp app;
    private final Path pgData;
    private final int pgPort;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Thread reaper = new Thread(this::close, "fault-cluster-reaper");
    private EmbeddedPostgres postgres;
    private Process broker;
    /** Confirms the measures' commands, as the platform of the local profile does. */
    private final FaultPlatform platform;

    private int brokerStarts;

    /** One application node: a name, a port and the JVM currently running it (null while down). */
    final class Node {
        final String name;
        final int port;
        final Map<String, String> environment;
        Process process;
        int starts;

        Node(String name, int port, Map<String, String> environment) {
            this.name = name;
            this.port = port;
            this.environment = environment;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        Path log() {
            return work.resolve(name + "-" + starts + ".log");
        }

        long pid() {
            return process.pid();
        }
    }

    FaultCluster(String name) throws IOException {
        this.work = Path.of("target/faults", name).toAbsolutePath();
        recreate(work);
        // extracted, hence a copy: other builds may rewrite modules/app/target while the scenarios restart nodes
        this.app = PackagedApp.get();
        this.pgData = work.resolve("pg");
        this.pgPort = freePort();
        this.brokerPort = freePort();
        this.controllerPort = freePort();
        Runtime.getRuntime().addShutdownHook(reaper);
        startPostgres();
        startBroker();
        platform = new FaultPlatform(bootstrap());
    }

    // ---------------------------------------------------------------------------------------------------- database

    void startPostgres() throws IOException {
        Files.createDirectories(pgData);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(pgPort)
                .start();
    }

    void stopPostgres() throws IOException {
        EmbeddedPostgres database = postgres;
        postgres = null;
        if (database != null) {
            database.close();
        }
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    }

    // ------------------------------------------------------------------------------------------------------ broker

    String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    void startBroker() throws IOException {
        brokerStarts++;
        Path log = work.resolve("kafka-" + brokerStarts + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        java(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FaultBroker.class.getName(),
                        String.valueOf(brokerPort),
                        String.valueOf(controllerPort),
                        work.resolve("kafka-data").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        clean(builder);
        broker = builder.start();
        awaitLine(broker, log, FaultBroker.READY);
    }

    /** SIGKILL: the broker gets no chance to flush or to leave anything tidy. */
    void killBroker() throws InterruptedException {
        broker.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGSTOP / SIGCONT: the broker stays up and its connections open, but answers nothing. */
    void freezeBroker(boolean frozen) throws IOException, InterruptedException {
        Process signal = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(broker.pid()))
                .inheritIO()
                .start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException("kill " + (frozen ? "-STOP" : "-CONT") + " failed");
        }
    }

    // ---------------------------------------------------------------------------------------------------- app nodes

    /** Starts a new application node (its own port and working directory) and waits until it is healthy. */
    Node startApp(String name, Map<String, String> extra) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("TAKEDOWN_TIME_COMPRESSION", "1");
        environment.put("TAKEDOWN_REVIEW_TIME_COMPRESSION", "1");
        // every node signs checkpoints with the same key, as compose mounts one secret into all of them
        environment.put(
                "TAKEDOWN_AUDIT_SIGNING_KEY_PATH",
                work.resolve("keys/audit-ed25519.pem").toString());
        // operational settings, not code: a job locked by a node that died is taken over after 15 s (default 5 min),
        // and a dead node leaves its consumer groups after 6 s (default 45 s)
        environment.put("-Dcamunda.bpm.job-execution.lock-time-in-millis", "15000");
        environment.put("-Dcamunda.bpm.job-execution.wait-time-in-millis", "1000");
        environment.put("-Dcamunda.bpm.job-execution.max-wait", "2000");
        environment.put("-Dspring.kafka.consumer.properties.session.timeout.ms", "6000");
        environment.put("-Dspring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        environment.put("-Dspring.datasource.hikari.connection-timeout", "5000");
        environment.putAll(extra);
        Node node = new Node(name, freePort(), environment);
        nodes.put(name, node);
        restart(node);
        return node;
    }

    void restart(Node node) throws IOException {
        node.starts++;
        Path directory = work.resolve(node.name);
        Files.createDirectories(directory);
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        // keys starting with -D are system properties (exact property names), the rest environment variables
        node.environment.forEach((key, value) -> {
            if (key.startsWith("-D")) {
                properties.add(key + "=" + value);
            } else {
                environment.put(key, value);
            }
        });
        environment.put("SERVER_PORT", String.valueOf(node.port));
        ProcessBuilder builder = new ProcessBuilder(app.command(properties))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(node.log().toFile());
        clean(builder);
        builder.environment().putAll(environment);
        node.process = builder.start();
        awaitHealthy(node.name, node.process, node.url(), node.log());
        if (node.starts == 1 && nodes.size() == 1) {
            // the packaged jar has no demo accounts (they live in modules/local): seed them as DemoAccounts does
            new DemoAccounts(jdbc()).run(null);
        }
    }

    /** SIGKILL, as {@code Runtime.halt}: no shutdown hook, no graceful close of pools, consumers or the engine. */
    void kill(Node node) throws InterruptedException {
        Process process = node.process;
        if (process != null) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void close() {
        platform.close();
        List<Process> running = new ArrayList<>();
        nodes.values().forEach(n -> {
            if (n.process != null) {
                running.add(n.process);
            }
        });
        running.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        if (broker != null) {
            try {
                freezeBroker(false);
            } catch (Exception ignored) {
                // not frozen, or gone
            }
            broker.destroyForcibly();
        }
        for (Process p : running) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (broker != null) {
                broker.waitFor(10, TimeUnit.SECONDS);
            }
            stopPostgres();
        } catch (IOException | InterruptedException e) {
            // best effort
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static void clean(ProcessBuilder builder) {
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("SPRING_") || k.startsWith("TAKEDOWN_") || k.startsWith("CAMUNDA_"));
    }
}
