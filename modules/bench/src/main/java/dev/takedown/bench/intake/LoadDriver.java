package dev.takedown.bench.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.bench.Args;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Open-loop load on {@code POST /api/notices} (issue 9). Requests are scheduled by their <em>intended</em> start time
 * at a constant arrival rate and sent asynchronously: the driver never waits for a response before sending the next
 * one, and a request's latency runs from its intended start, so a stalled server is charged for every request it
 * delayed (no coordinated omission). Requests still unanswered when the run ends count as failed with the latency
 * they had reached. A sample of accepted cases is followed until its first moderator task appears in
 * {@code GET /api/tasks} (polled as the moderator), or in the engine's task table (told by a PostgreSQL notification
 * when the task's transaction commits), which measures the asynchronous
 * half of intake.
 *
 * <pre>
 * java -cp ... dev.takedown.bench.intake.LoadDriver --base-url=http://localhost:8080 --rate=20 --duration=PT30S
 *      [--warmup=PT5S] [--user=rightsholder-a --password=demo | --api-key=tdk_...] [--moderator=moderator]
 *      [--task-sample=20] [--drain=PT30S] [--task-database=jdbc:postgresql://...]
 * </pre>
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    public record Options(
            URI baseUrl,
            String user,
            String password,
            String moderator,
            double rate,
            Duration warmup,
            Duration duration,
            int taskSample,
            Duration drain,
            String apiKey,
            String taskDatabase) {

        public static Options of(String baseUrl, double rate, Duration warmup, Duration duration) {
            return new Options(
                    URI.create(baseUrl),
                    "rightsholder-a",
                    "demo",
                    "moderator",
                    rate,
                    warmup,
                    duration,
                    20,
                    Duration.ofSeconds(30),
                    null,
                    null);
        }

        /** Files with {@code X-Api-Key} instead of HTTP Basic (which costs one BCrypt per request). */
        public Options withApiKey(String key) {
            return new Options(
                    baseUrl, user, password, moderator, rate, warmup, duration, taskSample, drain, key, taskDatabase);
        }

        /**
         * Looks for the sampled cases' first tasks in the engine's tables (JDBC URL, user and password postgres)
         * instead of the moderator's queue: four queue listings a second as the moderator would cost the app four
         * BCrypt checks and listings of every open task, a fifth of its CPU under load, which is the probe's cost,
         * not intake's.
         */
        public Options withTaskDatabase(String jdbcUrl) {
            return new Options(
                    baseUrl, user, password, moderator, rate, warmup, duration, taskSample, drain, apiKey, jdbcUrl);
        }

        /** Follows no case to a task: for an app that starts no lifecycle. */
        public Options withoutTasks() {
            return new Options(
                    baseUrl, user, password, moderator, rate, warmup, duration, 0, drain, apiKey, taskDatabase);
        }

        /** Follows every accepted case to its first task (cheap with the database probe), not a sample of 20. */
        public Options withEveryTask() {
            return new Options(
                    baseUrl,
                    user,
                    password,
                    moderator,
                    rate,
                    warmup,
                    duration,
                    Integer.MAX_VALUE,
                    drain,
                    apiKey,
                    taskDatabase);
        }
    }

    /** Latencies in milliseconds; task latency is from the 201 to the moment the probe saw the task. */
    public record Report(
            double offeredPerSecond,
            long sent,
            long accepted,
            long failed,
            double acceptedPerSecond,
            double p50,
            double p99,
            double p999,
            double max,
            int taskSampled,
            int taskSeen,
            double taskP50,
            double taskP99,
            double taskMax) {

        public String line() {
            return String.format(
                    "offered %.1f/s: sent %d, accepted %d (%.1f/s), failed %d; latency ms p50 %.1f "
                            + "p99 %.1f p99.9 %.1f max %.1f; first task (%d/%d seen) ms p50 %.0f p99 %.0f max %.0f",
                    offeredPerSecond,
                    sent,
                    accepted,
                    acceptedPerSecond,
                    failed,
                    p50,
                    p99,
                    p999,
                    max,
                    taskSeen,
                    taskSampled,
                    taskP50,
                    taskP99,
                    taskMax);
        }
    }

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Options options = new Options(
                URI.create(a.getOrDefault("base-url", "http://localhost:8080")),
                a.getOrDefault("user", "rightsholder-a"),
                a.getOrDefault("password", "demo"),
                a.getOrDefault("moderator", "moderator"),
                Double.parseDouble(a.getOrDefault("rate", "10")),
                Duration.parse(a.getOrDefault("warmup", "PT5S")),
                Duration.parse(a.getOrDefault("duration", "PT30S")),
                Integer.parseInt(a.getOrDefault("task-sample", "20")),
                Duration.parse(a.getOrDefault("drain", "PT30S")),
                a.get("api-key"),
                a.get("task-database"));
        System.out.println(run(options).line());
    }

    public static Report run(Options options) throws InterruptedException {
        ExecutorService io = Executors.newFixedThreadPool(4, r -> daemon(r, "load-io"));
        HttpClient http = HttpClient.newBuilder()
                .executor(io)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try {
            return drive(http, options);
        } finally {
            io.shutdownNow();
        }
    }

    private static Report drive(HttpClient http, Options options) throws InterruptedException {
        String holder = basic(options.user(), options.password());
        String moderator = basic(options.moderator(), options.password());
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / options.rate());
        long warmupCount = (long) (options.warmup().toNanos() / period);
        long measuredCount = Math.max(1, (long) (options.duration().toNanos() / period));
        long sampleEvery = Math.max(1, measuredCount / Math.max(1, options.taskSample()));

        Recorder latencies = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        Map<Long, Long> outstanding = new ConcurrentHashMap<>(); // sequence → intended start, measured requests only
        Map<String, Long> awaitingTask = new ConcurrentHashMap<>(); // case id → time of the 201
        Histogram taskLatency = new Histogram(3);
        int[] sampled = {0};

        TaskPoller poller = new TaskPoller(
                options.taskDatabase() == null
                        ? new QueueProbe(http, options.baseUrl(), moderator)
                        : new DatabaseProbe(options.taskDatabase()),
                awaitingTask,
                taskLatency);
        Thread pollThread = new Thread(poller, "load-task-poller");
        pollThread.setDaemon(true);
        pollThread.start();

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long total = warmupCount + measuredCount;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmupCount;
            boolean sample = options.taskSample() > 0 && measured && (i - warmupCount) % sampleEvery == 0;
            if (sample) {
                sampled[0]++;
            }
            long sequence = i;
            if (measured) {
                outstanding.put(sequence, intended);
            }
            HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve("/api/notices"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header(
                            options.apiKey() == null ? "Authorization" : "X-Api-Key",
                            options.apiKey() == null ? holder : options.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(notice()))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                if (!measured || outstanding.remove(sequence) == null) {
                    return;
                }
                latencies.recordValue(Math.min(now - intended, MAX_LATENCY_NANOS));
                answered.incrementAndGet();
                if (error == null && response.statusCode() == 201) {
                    accepted.incrementAndGet();
                    if (sample) {
                        caseId(response.body()).ifPresent(id -> awaitingTask.put(id, now));
                    }
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + options.drain().toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long end = System.nanoTime();
        for (Map.Entry<Long, Long> late : Map.copyOf(outstanding).entrySet()) {
            if (outstanding.remove(late.getKey()) != null) {
                latencies.recordValue(Math.min(end - late.getValue(), MAX_LATENCY_NANOS));
                failed.incrementAndGet();
            }
        }
        // the sampled cases get the same drain time to show their first task
        long taskDeadline = System.nanoTime() + options.drain().toNanos();
        while (!awaitingTask.isEmpty() && System.nanoTime() < taskDeadline) {
            Thread.sleep(100);
        }
        poller.stop();
        pollThread.join(5_000);

        Histogram h = latencies.getIntervalHistogram();
        double seconds = (sendEnd - (start + warmupCount * period)) / 1e9;
        int seen;
        double taskP50;
        double taskP99;
        double taskMax;
        synchronized (taskLatency) {
            seen = (int) taskLatency.getTotalCount();
            taskP50 = taskLatency.getValueAtPercentile(50) / 1e6;
            taskP99 = taskLatency.getValueAtPercentile(99) / 1e6;
            taskMax = taskLatency.getMaxValue() / 1e6;
        }
        return new Report(
                options.rate(),
                measuredCount,
                accepted.get(),
                failed.get(),
                accepted.get() / seconds,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6,
                h.getMaxValue() / 1e6,
                sampled[0],
                seen,
                taskP50,
                taskP99,
                taskMax);
    }

    /** A complete CN notice on a target nobody named before, so it opens its own case (never joins one). */
    static String notice() {
        return """
                {"jurisdiction_profiles":["CN_CC_1195"],
                 "notifier":{"type":"RIGHTS_HOLDER","legal_name":"Studio A","email":"legal@a.test",
                   "identity_document":{"type":"USCC","number":"91310000MA1FL0000X"}},
                 "works":[{"title":"Ultraman Tiga"}],
                 "targets":[{"type":"URL","url":"https://load.example/img/%s"}],
                 "evidence":[{"kind":"SCREENSHOT","url":"https://evidence.a.test/1.png"}],
                 "explanation":"Generated images reproduce the character.",
                 "attestations":{"truthfulness_responsibility":true}}""".formatted(UUID.randomUUID());
    }

    static java.util.Optional<String> caseId(String body) {
        try {
            return java.util.Optional.of(JSON.readTree(body).get("case_id").asText());
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** When each of the given case ids got a task (nanoTime), for those that have one now. */
    private interface TaskProbe extends AutoCloseable {
        Map<String, Long> withTask(Set<String> caseIds) throws Exception;

        /** Whether a call waits for news itself, so the poller need not sleep between calls. */
        default boolean waits() {
            return false;
        }

        @Override
        default void close() throws SQLException {}
    }

    /** The moderator's queue, {@code GET /api/tasks}, polled: a task is seen at the poll that lists it. */
    private record QueueProbe(HttpClient http, URI baseUrl, String authorization) implements TaskProbe {

        @Override
        public Map<String, Long> withTask(Set<String> caseIds) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(baseUrl.resolve("/api/tasks"))
                            .header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Long> found = new HashMap<>();
            long now = System.nanoTime();
            if (response.statusCode() == 200) {
                for (JsonNode task : JSON.readTree(response.body())) {
                    String caseId = task.path("case_id").asText();
                    if (caseIds.contains(caseId)) {
                        found.put(caseId, now);
                    }
                }
            }
            return found;
        }
    }

    /**
     * The engine's task table, told by PostgreSQL: a trigger on {@code act_ru_task} (installed in the benchmark's
     * database only) notifies each new task's business key, the case id, when its transaction commits. A task may
     * commit before the driver has read the 201 that names its case, so every notification is kept until asked for.
     */
    private static final class DatabaseProbe implements TaskProbe {

        private static final String CHANNEL = "bench_task_created";

        private final String jdbcUrl;
        private final Map<String, Long> seen = new HashMap<>();
        private Connection connection;

        DatabaseProbe(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        @Override
        public boolean waits() {
            return true;
        }

        @Override
        public Map<String, Long> withTask(Set<String> caseIds) throws Exception {
            if (connection == null) {
                connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                try (Statement s = connection.createStatement()) {
                    s.execute("create or replace function bench_task_created() returns trigger language plpgsql as $$"
                            + " begin perform pg_notify('" + CHANNEL + "', (select business_key_ from act_ru_execution"
                            + " where id_ = new.proc_inst_id_)); return new; end $$");
                    s.execute("create or replace trigger bench_task_created after insert on act_ru_task"
                            + " for each row execute function bench_task_created()");
                    s.execute("listen " + CHANNEL);
                }
            }
            PGNotification[] news = connection.unwrap(PGConnection.class).getNotifications(250);
            long now = System.nanoTime();
            if (news != null) {
                for (PGNotification n : news) {
                    seen.putIfAbsent(n.getParameter(), now);
                }
            }
            Map<String, Long> found = new HashMap<>();
            for (String caseId : caseIds) {
                Long at = seen.remove(caseId);
                if (at != null) {
                    found.put(caseId, at);
                }
            }
            return found;
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Asks the probe while sampled cases wait for their first task (polling every 250 ms unless it waits itself). */
    private static final class TaskPoller implements Runnable {

        private final TaskProbe probe;
        private final Map<String, Long> awaiting;
        private final Histogram latency;
        private volatile boolean running = true;

        TaskPoller(TaskProbe probe, Map<String, Long> awaiting, Histogram latency) {
            this.probe = probe;
            this.awaiting = awaiting;
            this.latency = latency;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try (probe) {
                poll();
            } catch (Exception e) {
                // closing the probe's connection failed: nothing left to do
            }
        }

        private void poll() {
            while (running) {
                if (!awaiting.isEmpty() || probe.waits()) {
                    try {
                        Map<String, Long> found = probe.withTask(Set.copyOf(awaiting.keySet()));
                        for (Map.Entry<String, Long> task : found.entrySet()) {
                            Long filed = awaiting.remove(task.getKey());
                            if (filed != null) {
                                synchronized (latency) {
                                    latency.recordValue(Math.max(0, task.getValue() - filed));
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the next call tries again
                    }
                }
                if (!probe.waits()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
                }
            }
        }
    }
}
