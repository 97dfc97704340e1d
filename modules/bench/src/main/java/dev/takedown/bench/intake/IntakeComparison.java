package dev.takedown.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.bench.Args;
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
import java.util.concurrent.TimeUnit;
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
    static final double FIRST_TASK_LIMIT_MS = 5_000;

    /** The engine's eventing bridge as main had it before (every stream on; nothing listens to two of them). */
    static final List<String> BEFORE =
            List.of("--camunda.bpm.eventing.execution=true", "--camunda.bpm.eventing.history=true");

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
        Map<String, String> a = Args.parse(args);
        double[] rates = parse(a.getOrDefault("rates", "10,20,40"));
        double[] ceilingRates = parse(a.getOrDefault("ceiling-rates", "100,400,1600"));
        Duration warmup = Duration.parse(a.getOrDefault("warmup", "PT5S"));
        Duration duration = Duration.parse(a.getOrDefault("duration", "PT20S"));
        // each app is driven this long at the lowest rate before any turn counts: a cold JVM interprets and compiles
        // the whole intake path in its first tens of seconds, which would land on whichever variant goes first
        Duration appWarmup = Duration.parse(a.getOrDefault("app-warmup", "PT45S"));
        List<String> variants = Args.list(a.getOrDefault("variants", "accept,tuned"));
        // profiling aids: a flight recording per app JVM, and PostgreSQL logging statements slower than N ms
        boolean jfr = Boolean.parseBoolean(a.getOrDefault("jfr", "false"));
        String slowMs = a.get("slow-ms");
        // small notices at this rate alone and while bulk notices of bulk-rows URLs upload back to back (0: skipped)
        double bulkRate = Double.parseDouble(a.getOrDefault("bulk-rate", "0"));
        int bulkRows = Integer.parseInt(a.getOrDefault("bulk-rows", "100000"));
        // Camunda alone (P_engine): this many instances per measured run, each kind repeated for an interval
        int engineCount = Integer.parseInt(a.getOrDefault("engine-count", "0"));
        int engineRepeats = Integer.parseInt(a.getOrDefault("engine-repeats", "3"));
        int engineBatch = Integer.parseInt(a.getOrDefault("engine-batch", "100"));
        // instances each peer JVM runs before it measures (the JIT's share)
        int engineWarmup = Integer.parseInt(a.getOrDefault("engine-warmup", "1000"));
        // open cases' review timers in the job table before the lifecycle peers run (two per case)
        int openTimers = Integer.parseInt(a.getOrDefault("open-timers", "0"));
        List<String> enginePeers = Args.list(a.getOrDefault("engine-peers", ""));
        Path work = Files.createTempDirectory("takedown-intake");
        System.out.println(
                "work directory " + work + "; cores " + Runtime.getRuntime().availableProcessors());

        Map<String, List<Turn>> results = new LinkedHashMap<>();
        Map<String, List<EngineRun>> engines = new LinkedHashMap<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(work.resolve("pg"), 0)) {
            String postgres = infrastructure.jdbcUrl();
            CpuMeter cpu = new CpuMeter(work.resolve("pg"));
            List<String> databases0 = new ArrayList<>(variants);
            if (engineCount > 0) {
                databases0.addAll(List.of("engine_none", "engine_audit"));
            }
            try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                for (String database : databases0) {
                    s.execute("create database takedown_" + database.replace('-', '_'));
                    if (slowMs != null) {
                        s.execute("alter database takedown_" + database.replace('-', '_')
                                + " set log_min_duration_statement = " + Integer.parseInt(slowMs));
                    }
                }
            }
            try (JdbcCeiling ceiling = new JdbcCeiling(postgres)) {
                List<Turn> turns = new ArrayList<>();
                for (double rate : ceilingRates) {
                    LoadDriver.Report report = ceiling.run(rate, warmup, duration);
                    System.out.println("ceiling  " + report.line());
                    turns.add(new Turn(report, 0, 0, 0));
                }
                if (!turns.isEmpty()) {
                    results.put("ceiling", turns);
                }
            }
            if (engineCount > 0) {
                engines = enginePeers(
                        work,
                        postgres,
                        cpu,
                        engineCount,
                        engineWarmup,
                        engineRepeats,
                        engineBatch,
                        enginePeers,
                        openTimers);
                printTableStatistics(postgres.replace("/postgres?", "/takedown_engine_audit?"), "engine lifecycle");
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
                    String database = postgres.replace("/postgres?", "/takedown_" + variant.replace('-', '_') + "?");
                    List<String> args2 = new ArrayList<>(List.of(
                            "--spring.profiles.active=local",
                            "--server.port=" + port,
                            "--spring.datasource.url=" + database,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--takedown.review.time-compression=1",
                            "--takedown.time-compression=1",
                            "--logging.level.root=WARN"));
                    args2.addAll(
                            switch (variant) {
                                case "defaults" -> DEFAULTS;
                                case "before" -> BEFORE;
                                default -> List.<String>of();
                            });
                    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g"));
                    if (jfr) {
                        jvmArgs.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + work.resolve(variant + ".jfr"));
                    }
                    ChildJvm app = ChildJvm.start(
                            jvmArgs,
                            ChildJvm.ownClasspath(),
                            false,
                            variant.equals("accept")
                                    ? AcceptOnlyTakedown.class.getName()
                                    : "dev.takedown.TakedownApplication",
                            args2,
                            work.resolve(variant),
                            work.resolve(variant + ".log"),
                            port);
                    apps.put(variant, app);
                    System.out.printf(
                            "%s ready in %.1f s (log %s)%n",
                            variant, app.awaitReady(Duration.ofMinutes(5)), work.resolve(variant + ".log"));
                    keys.put(variant, issueKey(app.baseUrl()));
                    databases.put(variant, database);
                    results.put(variant, new ArrayList<>());
                }
                double warmupRate = rates.length > 0 ? rates[0] : bulkRate;
                if (warmupRate > 0 && !appWarmup.isZero()) {
                    for (String variant : variants) {
                        System.out.println(variant + " warm-up "
                                + LoadDriver.run(tasks(
                                                variant,
                                                options(apps.get(variant), warmupRate, Duration.ZERO, appWarmup)
                                                        .withApiKey(keys.get(variant)),
                                                databases))
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
                            ChildJvm app = apps.get(variant);
                            // no turn starts while another app still works off the backlog of its own turn
                            for (ChildJvm other : apps.values()) {
                                awaitIdle(other);
                            }
                            vacuum(databases.get(variant));
                            Duration appBefore = app.cpuTime();
                            Duration postgresBefore = cpu.postgres();
                            Duration brokersBefore = CpuMeter.brokers();
                            LoadDriver.Report report = LoadDriver.run(tasks(
                                    variant,
                                    options(app, rate, warmup, duration).withApiKey(keys.get(variant)),
                                    databases));
                            // each process's CPU over the turn (its drain included, so the background work of the
                            // turn's notices is counted) per notice filed in it
                            double filed = rate * (warmup.toNanos() + duration.toNanos()) / 1e9;
                            Turn turn = new Turn(
                                    report,
                                    app.cpuTime().minus(appBefore).toNanos() / 1e6 / filed,
                                    cpu.postgres().minus(postgresBefore).toNanos() / 1e6 / filed,
                                    CpuMeter.brokers().minus(brokersBefore).toNanos() / 1e6 / filed);
                            System.out.printf(
                                    "%s %s; CPU ms per notice: app %.2f, PostgreSQL %.2f, brokers %.2f%n",
                                    variant, report.line(), turn.appMs(), turn.postgresMs(), turn.brokerMs());
                            results.get(variant).add(turn);
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
        summarise(results, engines);
    }

    /** One app turn at one rate, with the CPU each process spent on it per notice filed. */
    record Turn(LoadDriver.Report report, double appMs, double postgresMs, double brokerMs) {

        double totalMs() {
            return appMs + postgresMs + brokerMs;
        }
    }

    /** One run of {@link EnginePeer}: instances per second, and CPU per instance in its JVM and in PostgreSQL. */
    record EngineRun(double rate, double engineMs, double postgresMs) {}

    private static LoadDriver.Options options(ChildJvm app, double rate, Duration warmup, Duration duration) {
        return LoadDriver.Options.of(app.baseUrl(), rate, warmup, duration);
    }

    /** Every case followed to its first task, told by the database; P_accept starts no lifecycle, so none. */
    private static LoadDriver.Options tasks(String variant, LoadDriver.Options options, Map<String, String> databases) {
        return variant.equals("accept")
                ? options.withoutTasks()
                : options.withTaskDatabase(databases.get(variant)).withEveryTask();
    }

    /** Until the app spends less than a fifth of a core (idle polling stays below it), at most 30 s. */
    private static void awaitIdle(ChildJvm app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Duration before = app.cpuTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Duration now = app.cpuTime();
            if (now.minus(before).toMillis() < 200) {
                return;
            }
            before = now;
        }
        System.out.println("still busy after 30 s: " + app.baseUrl());
    }

    /** Each turn starts on tables without the previous turn's dead rows. */
    private static void vacuum(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    /**
     * P_engine, alone on the machine before the apps start, each run a JVM of its own, the kinds in alternating
     * order: (a) start → end with history none; (b) the lifecycle to its review task started singly, as configured;
     * (b) acquiring jobs by due date through an index; (b) with validation in the starting transaction, started
     * singly and in batches, as a batched starter would run it. The lifecycle kinds share one database, which grows by their
     * review timers from run to run as a busy platform's does.
     */
    static Map<String, List<EngineRun>> enginePeers(
            Path work,
            String postgres,
            CpuMeter cpu,
            int count,
            int warmup,
            int repeats,
            int batch,
            List<String> only,
            int openTimers)
            throws Exception {
        Map<String, List<EngineRun>> runs = new LinkedHashMap<>();
        // name, mode, batch, database, acquire by due date, validation in the starting transaction
        List<String[]> peers = List.of(
                new String[] {"engine-trivial", "trivial", "1", "engine_none", "false", "false"},
                new String[] {"engine-lifecycle", "lifecycle", "1", "engine_audit", "false", "false"},
                new String[] {"engine-lifecycle-by-due-date", "lifecycle", "1", "engine_audit", "true", "false"},
                new String[] {"engine-lifecycle-sync", "lifecycle", "1", "engine_audit", "false", "true"},
                new String[] {
                    "engine-lifecycle-sync-batch" + batch,
                    "lifecycle",
                    Integer.toString(batch),
                    "engine_audit",
                    "false",
                    "true"
                });
        List<String[]> kinds = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            List<String[]> round = new ArrayList<>(peers.stream()
                    .filter(peer -> only.isEmpty() || only.contains(peer[0]))
                    .toList());
            if (r % 2 == 1) {
                Collections.reverse(round);
            }
            kinds.addAll(round);
        }
        int n = 0;
        for (String[] kind : kinds) {
            String name = kind[0];
            Path log = work.resolve(name + "-" + n++ + ".log");
            int instances = kind[1].equals("trivial") ? count * 5 : count;
            Duration postgresBefore = cpu.postgres();
            ChildJvm peer = ChildJvm.start(
                    List.of("-Xmx1g"),
                    ChildJvm.ownClasspath(),
                    false,
                    EnginePeer.class.getName(),
                    List.of(
                            "--jdbc-url=" + postgres.replace("/postgres?", "/takedown_" + kind[3] + "?"),
                            "--mode=" + kind[1],
                            "--batch=" + kind[2],
                            "--acquire-by-due-date=" + kind[4],
                            "--sync-validation=" + kind[5],
                            "--open-timers=" + (kind[1].equals("lifecycle") ? openTimers : 0),
                            "--warmup=" + warmup,
                            "--count=" + instances),
                    work.resolve(name),
                    log,
                    0);
            if (peer.awaitExit(Duration.ofMinutes(20)) != 0) {
                throw new IllegalStateException(name + " failed, see " + log);
            }
            double postgresMs = cpu.postgres().minus(postgresBefore).toNanos() / 1e6 / instances;
            String line = Files.readAllLines(log).stream()
                    .filter(l -> l.startsWith("engine "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " printed no figure, see " + log));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("= ([0-9.]+)/s; cpu ([0-9.]+) ms")
                    .matcher(line);
            if (!m.find()) {
                throw new IllegalStateException("unreadable: " + line);
            }
            EngineRun run = new EngineRun(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), postgresMs);
            System.out.printf("%s; PostgreSQL CPU %.2f ms/instance%n", line, postgresMs);
            runs.computeIfAbsent(name, k -> new ArrayList<>()).add(run);
        }
        return runs;
    }

    static void summarise(Map<String, List<Turn>> results, Map<String, List<EngineRun>> engines) {
        System.out.println();
        if (!engines.isEmpty()) {
            System.out.println(
                    "| engine peer | runs | instances/s (mean ± 95 % CI) | CPU ms/instance engine + PostgreSQL |");
            System.out.println("|---|---|---|---|");
            engines.forEach((name, runs) -> {
                double[] rates = runs.stream().mapToDouble(EngineRun::rate).toArray();
                System.out.printf(
                        "| %s | %d | %.0f ± %.0f | %.2f + %.2f |%n",
                        name,
                        runs.size(),
                        Stats.mean(rates),
                        Stats.halfWidth95(rates),
                        runs.stream().mapToDouble(EngineRun::engineMs).average().orElse(0),
                        runs.stream()
                                .mapToDouble(EngineRun::postgresMs)
                                .average()
                                .orElse(0));
            });
            System.out.println();
        }
        System.out.println("| variant | offered/s | accepted/s | p50 ms | p99 ms | p99.9 ms | failed "
                + "| first task p50 / p99 ms | CPU ms/notice app + PostgreSQL + brokers |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<String, Double> sustained = new LinkedHashMap<>();
        Map<String, Double> cpuAtSustained = new LinkedHashMap<>();
        results.forEach((variant, turns) -> {
            Map<Double, Boolean> met = new LinkedHashMap<>();
            Map<Double, Double> accepted = new LinkedHashMap<>();
            Map<Double, Double> cpu = new LinkedHashMap<>();
            for (Turn turn : turns) {
                LoadDriver.Report r = turn.report();
                System.out.printf(
                        "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s | %s |%n",
                        variant,
                        r.offeredPerSecond(),
                        r.acceptedPerSecond(),
                        r.p50(),
                        r.p99(),
                        r.p999(),
                        r.failed(),
                        r.taskSampled() == 0
                                ? "–"
                                : "%.0f / %.0f (%d/%d)"
                                        .formatted(r.taskP50(), r.taskP99(), r.taskSeen(), r.taskSampled()),
                        turn.totalMs() == 0
                                ? "–"
                                : "%.2f + %.2f + %.2f = %.2f"
                                        .formatted(turn.appMs(), turn.postgresMs(), turn.brokerMs(), turn.totalMs()));
                // the goal: HTTP p99 and first task p99 within their limits, every notice accepted and no backlog
                boolean ok = r.p99() <= P99_LIMIT_MS
                        && r.failed() == 0
                        && r.acceptedPerSecond() >= 0.95 * r.offeredPerSecond()
                        && (r.taskSampled() == 0
                                || (r.taskSeen() == r.taskSampled() && r.taskP99() <= FIRST_TASK_LIMIT_MS));
                met.merge(r.offeredPerSecond(), ok, Boolean::logicalAnd);
                accepted.merge(r.offeredPerSecond(), r.acceptedPerSecond(), Math::min);
                cpu.merge(r.offeredPerSecond(), turn.totalMs(), Math::max);
            }
            // every round at a rate must meet the limits for the rate to count
            met.entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .max(Map.Entry.comparingByKey())
                    .ifPresentOrElse(
                            best -> {
                                sustained.put(variant, accepted.get(best.getKey()));
                                cpuAtSustained.put(variant, cpu.get(best.getKey()));
                            },
                            () -> sustained.put(variant, 0.0));
        });
        System.out.println();
        sustained.forEach((variant, rate) -> System.out.printf(
                "%s sustains %.1f notices/s (HTTP p99 <= %.0f ms, first task p99 <= %.0f s; highest rate tried that "
                        + "met both in every turn)%s%n",
                variant,
                rate,
                P99_LIMIT_MS,
                FIRST_TASK_LIMIT_MS / 1000,
                cpuAtSustained.containsKey(variant) && cpuAtSustained.get(variant) > 0
                        ? "; CPU %.2f ms per notice there".formatted(cpuAtSustained.get(variant))
                        : ""));
        Double tuned = sustained.get("tuned");
        Double before = sustained.get("before");
        Double accept = sustained.get("accept");
        List<EngineRun> lifecycle = engines.get("engine-lifecycle");
        if (tuned != null && before != null && before > 0) {
            System.out.printf("tuned / before = %.2f%n", tuned / before);
        }
        if (accept != null && accept > 0 && lifecycle != null) {
            double engine =
                    Stats.mean(lifecycle.stream().mapToDouble(EngineRun::rate).toArray());
            double combined = 1 / (1 / accept + 1 / engine);
            System.out.printf(
                    "C = 1 / (1/P_accept + 1/P_engine(b)) = 1 / (1/%.0f + 1/%.0f) = %.0f/s (P_accept a lower bound "
                            + "when it met every rate tried)%n",
                    accept, engine, combined);
            if (tuned != null) {
                System.out.printf("tuned / C = %.2f (goal >= 0.5)%n", tuned / combined);
            }
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
