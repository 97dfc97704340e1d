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
 * FULL, default job executor, Hikari pool 10, no JDBC batching, Scala FEEL);</li>
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
 *      --warmup=PT5S --duration=PT20S [--app-warmup=PT45S] [--variants=defaults,tuned]
 *      [--bulk-rate=10 --bulk-rows=100000]
 *      [--jfr=true] [--slow-ms=30]
 * </pre>
 * {@code --bulk-rate} adds small notices at that rate alone and while 100k-URL bulk notices upload
 * ({@link BulkBackground}); {@code --jfr} leaves a flight recording of each app JVM in the work directory;
 * {@code --slow-ms} has PostgreSQL log slower statements.
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
            "--spring.jpa.properties.hibernate.order_inserts=false",
            "--spring.jpa.properties.hibernate.order_updates=false",
            "--camunda.bpm.generic-properties.properties.dmnFeelEnableLegacyBehavior=false");

    private IntakeComparison() {}

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
        // each app is driven this long at the lowest rate before any turn counts: a cold JVM interprets and compiles
        // the whole intake path in its first tens of seconds, which would land on whichever variant goes first
        Duration appWarmup = Duration.parse(a.getOrDefault("app-warmup", "PT45S"));
        List<String> variants =
                List.of(a.getOrDefault("variants", "defaults,tuned").split(","));
        // profiling aids: a flight recording per app JVM, and PostgreSQL logging statements slower than N ms
        boolean jfr = Boolean.parseBoolean(a.getOrDefault("jfr", "false"));
        String slowMs = a.get("slow-ms");
        // small notices at this rate alone and while bulk notices of bulk-rows URLs upload back to back (0: skipped)
        double bulkRate = Double.parseDouble(a.getOrDefault("bulk-rate", "0"));
        int bulkRows = Integer.parseInt(a.getOrDefault("bulk-rows", "100000"));
        Path work = Files.createTempDirectory("takedown-intake");
        System.out.println(
                "work directory " + work + "; cores " + Runtime.getRuntime().availableProcessors());

        Map<String, List<LoadDriver.Report>> results = new LinkedHashMap<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(work.resolve("pg"), 0)) {
            String postgres = infrastructure.jdbcUrl();
            try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                for (String variant : variants) {
                    s.execute("create database takedown_" + variant);
                    if (slowMs != null) {
                        s.execute("alter database takedown_" + variant + " set log_min_duration_statement = "
                                + Integer.parseInt(slowMs));
                    }
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
            Map<String, String> databases = new LinkedHashMap<>();
            try {
                for (String variant : variants) {
                    EmbeddedKafkaKraftBroker broker =
                            new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.toArray(String[]::new));
                    broker.afterPropertiesSet();
                    brokers.add(broker);
                    int port = ChildJvm.freePort();
                    List<String> args2 = new ArrayList<>(List.of(
                            "--spring.profiles.active=local",
                            "--server.port=" + port,
                            "--spring.datasource.url=" + postgres.replace("/postgres?", "/takedown_" + variant + "?"),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--takedown.review.time-compression=1",
                            "--takedown.time-compression=1",
                            "--logging.level.root=WARN"));
                    if (variant.equals("defaults")) {
                        args2.addAll(DEFAULTS);
                    }
                    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g"));
                    if (jfr) {
                        jvmArgs.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + work.resolve(variant + ".jfr"));
                    }
                    ChildJvm app = ChildJvm.start(
                            jvmArgs,
                            ChildJvm.ownClasspath(),
                            false,
                            "dev.takedown.TakedownApplication",
                            args2,
                            work.resolve(variant),
                            work.resolve(variant + ".log"),
                            port);
                    apps.put(variant, app);
                    System.out.printf(
                            "%s ready in %.1f s (log %s)%n",
                            variant, app.awaitReady(Duration.ofMinutes(5)), work.resolve(variant + ".log"));
                    keys.put(variant, issueKey(app.baseUrl()));
                    databases.put(variant, postgres.replace("/postgres?", "/takedown_" + variant + "?"));
                    results.put(variant, new ArrayList<>());
                }
                double warmupRate = rates.length > 0 ? rates[0] : bulkRate;
                if (warmupRate > 0 && !appWarmup.isZero()) {
                    for (String variant : variants) {
                        System.out.println(variant + " warm-up "
                                + LoadDriver.run(LoadDriver.Options.of(
                                                        apps.get(variant).baseUrl(),
                                                        warmupRate,
                                                        Duration.ZERO,
                                                        appWarmup)
                                                .withApiKey(keys.get(variant))
                                                .withTaskDatabase(databases.get(variant)))
                                        .line());
                    }
                }
                for (double rate : rates) {
                    for (int round = 0; round < 2; round++) {
                        List<String> order = new ArrayList<>(variants);
                        if (round % 2 == 1) {
                            Collections.reverse(order);
                        }
                        for (String variant : order) {
                            Duration cpuBefore = apps.get(variant).cpuTime();
                            LoadDriver.Report report = LoadDriver.run(
                                    LoadDriver.Options.of(apps.get(variant).baseUrl(), rate, warmup, duration)
                                            .withApiKey(keys.get(variant))
                                            .withTaskDatabase(databases.get(variant)));
                            // the app JVM's CPU over the turn (its drain included, so the background work of the
                            // turn's notices is counted) per notice filed in it
                            double cpuPerNotice =
                                    apps.get(variant).cpuTime().minus(cpuBefore).toNanos()
                                            / 1e6
                                            / (rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
                            System.out.printf(
                                    "%s %s; app CPU %.1f ms per notice%n", variant, report.line(), cpuPerNotice);
                            results.get(variant).add(report);
                        }
                    }
                }
                if (bulkRate > 0) {
                    for (String variant : variants) {
                        smallNoticesDuringBulk(
                                variant,
                                apps.get(variant).baseUrl(),
                                keys.get(variant),
                                databases.get(variant),
                                bulkRate,
                                bulkRows,
                                warmup,
                                duration);
                    }
                }
                for (String variant : variants) {
                    printTableStatistics(databases.get(variant), variant);
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
        System.out.println(
                "| variant | offered/s | accepted/s | p50 ms | p99 ms | p99.9 ms | failed | first task p50 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, Double> sustained = new LinkedHashMap<>();
        results.forEach((variant, reports) -> {
            Map<Double, Boolean> met = new LinkedHashMap<>();
            Map<Double, Double> accepted = new LinkedHashMap<>();
            for (LoadDriver.Report r : reports) {
                System.out.printf(
                        "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n",
                        variant,
                        r.offeredPerSecond(),
                        r.acceptedPerSecond(),
                        r.p50(),
                        r.p99(),
                        r.p999(),
                        r.failed(),
                        r.taskSampled() == 0
                                ? "–"
                                : "%.0f (%d/%d)".formatted(r.taskP50(), r.taskSeen(), r.taskSampled()));
                boolean ok = r.p99() <= P99_LIMIT_MS
                        && r.failed() == 0
                        && r.acceptedPerSecond() >= 0.95 * r.offeredPerSecond();
                met.merge(r.offeredPerSecond(), ok, Boolean::logicalAnd);
                accepted.merge(r.offeredPerSecond(), r.acceptedPerSecond(), Math::min);
            }
            // every round at a rate must meet the limit for the rate to count
            sustained.put(
                    variant,
                    met.entrySet().stream()
                            .filter(Map.Entry::getValue)
                            .mapToDouble(e -> accepted.get(e.getKey()))
                            .max()
                            .orElse(0));
        });
        System.out.println();
        sustained.forEach((variant, rate) -> System.out.printf(
                "%s sustains %.1f notices/s at p99 <= %.0f ms (highest rate tried that met it)%n",
                variant, rate, P99_LIMIT_MS));
        Double tuned = sustained.get("tuned");
        Double defaults = sustained.get("defaults");
        Double ceiling = sustained.get("ceiling");
        if (tuned != null && defaults != null && defaults > 0) {
            System.out.printf("tuned / defaults = %.2f (goal >= 2)%n", tuned / defaults);
        }
        if (tuned != null && ceiling != null && ceiling > 0) {
            System.out.printf(
                    "tuned / ceiling = %.3f (goal >= 0.5; the ceiling figure is a lower bound when it met "
                            + "every rate tried)%n",
                    tuned / ceiling);
        }
    }

    /** A rights-holder API key for org-a, issued by the demo admin (one BCrypt, once). */
    static String issueKey(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/api-keys"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"role\":\"RIGHTS_HOLDER\",\"organisation_id\":\"org-a\",\"label\":\"load\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("API key not issued: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("key").asText();
    }

    /**
     * Small notices at a fixed rate alone and while bulk notices upload, in the order alone, bulk, bulk, alone (drift
     * falls on both conditions alike); the ratio compares the worse turn of each.
     */
    static void smallNoticesDuringBulk(
            String variant,
            String baseUrl,
            String apiKey,
            String database,
            double rate,
            int rows,
            Duration warmup,
            Duration duration)
            throws Exception {
        double alone = 0;
        double during = 0;
        List<Double> uploads = new ArrayList<>();
        for (int turn = 0; turn < 4; turn++) {
            boolean withBulk = turn == 1 || turn == 2;
            BulkBackground bulk = withBulk ? BulkBackground.start(baseUrl, apiKey, rows) : null;
            LoadDriver.Report report = LoadDriver.run(LoadDriver.Options.of(baseUrl, rate, warmup, duration)
                    .withApiKey(apiKey)
                    .withTaskDatabase(database));
            if (bulk != null) {
                bulk.close();
                uploads.addAll(bulk.uploads());
            }
            System.out.println(variant + (withBulk ? " during bulk " : " alone ") + report.line());
            if (withBulk) {
                during = Math.max(during, report.p99());
            } else {
                alone = Math.max(alone, report.p99());
            }
        }
        System.out.printf(
                "%s small notices at %.0f/s: p99 %.1f ms alone, %.1f ms while %d-URL bulk notices upload "
                        + "(%d uploads, mean %.1f s each); ratio %.2f (goal <= 2)%n",
                variant,
                rate,
                alone,
                during,
                rows,
                uploads.size(),
                uploads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                during / alone);
    }

    /** The tables most read by sequential scans: a scan per statement on a growing table shows up here. */
    static void printTableStatistics(String jdbcUrl, String variant) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement();
                var rs = s.executeQuery("select relname, seq_scan, seq_tup_read, idx_scan, n_live_tup, n_dead_tup"
                        + " from pg_stat_user_tables order by seq_tup_read desc limit 8")) {
            System.out.println(variant + " tables by rows read in sequential scans:");
            while (rs.next()) {
                System.out.printf(
                        "  %-32s seq_scan %8d seq_tup_read %12d idx_scan %8d live %8d dead %8d%n",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        }
    }

    static double[] parse(String list) {
        return Arrays.stream(list.split(","))
                .filter(rate -> !rate.isBlank())
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}
