package dev.takedown.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.Topics;
import dev.takedown.local.LocalInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Intake throughput in one run (issue 9), all on one embedded PostgreSQL 17:
 * <ol>
 * <li>{@code ceiling}: {@link JdbcCeiling} — notice row + outbox row per transaction, plain JDBC;</li>
 * <li>{@code defaults}: the app in a child JVM with Camunda starter and Spring Boot defaults put back (history level
 * FULL, default job executor, Hikari pool 10, no JDBC batching);</li>
 * <li>{@code tuned}: the app in a child JVM as configured in {@code config/application.yml}.</li>
 * </ol>
 * Each app variant gets its own database (Camunda refuses to change the history level of an existing schema), its
 * own JVM (one process engine per JVM) and its own broker (their consumer groups would otherwise share partitions).
 * The variants run side by side and take turns at each rate, twice, in alternating order; a rate counts as
 * sustained only if both turns met the limit. The load is {@link LoadDriver} at each rate, filing with a rights-holder API
 * key: HTTP Basic would charge every request one BCrypt (cost 10), which measures the password hash, not intake.
 *
 * <pre>
 * ./mvnw -q -pl modules/bench exec:exec -Dexec.mainClass=... (see docs/benchmarks.md)
 * java -cp CLASSPATH dev.takedown.bench.intake.IntakeComparison --rates=10,20,40 --ceiling-rates=100,400,1600
 *      --warmup=PT5S --duration=PT20S
 * </pre>
 */
public final class IntakeComparison {

    static final double P99_LIMIT_MS = 100;

    /** Starter/Boot defaults for every setting the tuned configuration changes. */
    static final List<String> DEFAULTS = List.of(
            "--camunda.bpm.history-level=full",
            "--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--spring.jpa.properties.hibernate.jdbc.batch_size=1",
            "--spring.jpa.properties.hibernate.order_inserts=false");

    private IntakeComparison() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            a.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        double[] rates = parse(a.getOrDefault("rates", "10,20,40"));
        double[] ceilingRates = parse(a.getOrDefault("ceiling-rates", "100,400,1600"));
        Duration warmup = Duration.parse(a.getOrDefault("warmup", "PT5S"));
        Duration duration = Duration.parse(a.getOrDefault("duration", "PT20S"));
        List<String> variants = List.of(a.getOrDefault("variants", "defaults,tuned").split(","));
        Path work = Files.createTempDirectory("takedown-intake");
        System.out.println("work directory " + work + "; cores " + Runtime.getRuntime().availableProcessors());

        Map<String, List<LoadDriver.Report>> results = new LinkedHashMap<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(work.resolve("pg"), 0)) {
            String postgres = infrastructure.jdbcUrl();
            try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                for (String variant : variants) {
                    s.execute("create database takedown_" + variant);
                }
            }
            try (JdbcCeiling ceiling = new JdbcCeiling(postgres)) {
                List<LoadDriver.Report> reports = new ArrayList<>();
                for (double rate : ceilingRates) {
                    LoadDriver.Report report = ceiling.run(rate, warmup, duration);
                    System.out.println("ceiling  " + report.line());
                    reports.add(report);
                }
                results.put("ceiling", reports);
            }
            // all app variants run side by side, each with a broker of its own, and take turns at each rate in
            // alternating order (ABBA): drift in the machine's background load falls on both alike
            List<EmbeddedKafkaKraftBroker> brokers = new ArrayList<>();
            Map<String, ChildJvm> apps = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            try {
                for (String variant : variants) {
                    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3,
                            Topics.ALL.toArray(String[]::new));
                    broker.afterPropertiesSet();
                    brokers.add(broker);
                    int port = ChildJvm.freePort();
                    List<String> args2 = new ArrayList<>(List.of("--spring.profiles.active=local",
                            "--server.port=" + port,
                            "--spring.datasource.url=" + postgres.replace("/postgres?", "/takedown_" + variant + "?"),
                            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--takedown.review.time-compression=1", "--takedown.time-compression=1",
                            "--logging.level.root=WARN"));
                    if (variant.equals("defaults")) {
                        args2.addAll(DEFAULTS);
                    }
                    ChildJvm app = ChildJvm.start(List.of("-Xmx1g"), ChildJvm.ownClasspath(), false,
                            "dev.takedown.TakedownApplication", args2, work.resolve(variant),
                            work.resolve(variant + ".log"), port);
                    apps.put(variant, app);
                    System.out.printf("%s ready in %.1f s (log %s)%n", variant,
                            app.awaitReady(Duration.ofMinutes(5)), work.resolve(variant + ".log"));
                    keys.put(variant, issueKey(app.baseUrl()));
                    results.put(variant, new ArrayList<>());
                }
                for (double rate : rates) {
                    for (int round = 0; round < 2; round++) {
                        List<String> order = new ArrayList<>(variants);
                        if (round % 2 == 1) {
                            Collections.reverse(order);
                        }
                        for (String variant : order) {
                            LoadDriver.Report report = LoadDriver.run(LoadDriver.Options.of(
                                    apps.get(variant).baseUrl(), rate, warmup, duration).withApiKey(keys.get(variant)));
                            System.out.println(variant + " " + report.line());
                            results.get(variant).add(report);
                        }
                    }
                }
            } finally {
                for (ChildJvm app : apps.values()) {
                    app.close();
                }
                brokers.forEach(EmbeddedKafkaKraftBroker::destroy);
            }
        }
        summarise(results);
    }

    static void summarise(Map<String, List<LoadDriver.Report>> results) {
        System.out.println();
        System.out.println("| variant | offered/s | accepted/s | p50 ms | p99 ms | p99.9 ms | failed | first task p50 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, Double> sustained = new LinkedHashMap<>();
        results.forEach((variant, reports) -> {
            Map<Double, Boolean> met = new LinkedHashMap<>();
            Map<Double, Double> accepted = new LinkedHashMap<>();
            for (LoadDriver.Report r : reports) {
                System.out.printf("| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", variant, r.offeredPerSecond(),
                        r.acceptedPerSecond(), r.p50(), r.p99(), r.p999(), r.failed(),
                        r.taskSampled() == 0 ? "–" : "%.0f (%d/%d)".formatted(r.taskP50(), r.taskSeen(), r.taskSampled()));
                boolean ok = r.p99() <= P99_LIMIT_MS && r.failed() == 0
                        && r.acceptedPerSecond() >= 0.95 * r.offeredPerSecond();
                met.merge(r.offeredPerSecond(), ok, Boolean::logicalAnd);
                accepted.merge(r.offeredPerSecond(), r.acceptedPerSecond(), Math::min);
            }
            // every round at a rate must meet the limit for the rate to count
            sustained.put(variant, met.entrySet().stream().filter(Map.Entry::getValue)
                    .mapToDouble(e -> accepted.get(e.getKey())).max().orElse(0));
        });
        System.out.println();
        sustained.forEach((variant, rate) -> System.out.printf(
                "%s sustains %.1f notices/s at p99 <= %.0f ms (highest rate tried that met it)%n", variant, rate,
                P99_LIMIT_MS));
        Double tuned = sustained.get("tuned");
        Double defaults = sustained.get("defaults");
        Double ceiling = sustained.get("ceiling");
        if (tuned != null && defaults != null && defaults > 0) {
            System.out.printf("tuned / defaults = %.2f (goal >= 2)%n", tuned / defaults);
        }
        if (tuned != null && ceiling != null && ceiling > 0) {
            System.out.printf("tuned / ceiling = %.3f (goal >= 0.5; the ceiling figure is a lower bound when it met "
                    + "every rate tried)%n", tuned / ceiling);
        }
    }

    /** A rights-holder API key for org-a, issued by the demo admin (one BCrypt, once). */
    static String issueKey(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/admin/api-keys")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\",\"label\":\"load\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("API key not issued: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("key").asText();
    }

    static double[] parse(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
