package dev.takedown.bench.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.bench.Args;
import dev.takedown.bench.intake.ChildJvm;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.Topics;
import dev.takedown.local.LocalInfrastructure;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.converter.ByteArrayJsonMessageConverter;

/**
 * The HTTP screening endpoint against a trivial endpoint of the same app, same security, same run (issue 4):
 * {@code POST /api/screen/prompt} with 200-character mixed CJK/Latin prompts ({@link PromptCorpus}, a quarter of them
 * naming a protected term) against {@code GET /api/screen/status} (reads three counters). The app runs in a child JVM
 * as configured (local profile, embedded PostgreSQL and KRaft broker in this JVM); its index is fed through the
 * measures topic with {@code --terms} terms in measures of {@code --terms-per-measure}, as the outbox sends them. Both
 * authenticate with a {@code PLATFORM_SERVICE} API key ({@code X-Api-Key}: one SHA-256 and one indexed lookup), as a
 * platform's generation service would on every request; HTTP Basic would charge both a BCrypt.
 *
 * <p>{@code --clients} closed-loop clients on keep-alive connections (plain HTTP/1.1 over sockets, so the client costs
 * little of the 2 cores it shares with the app), turns of {@code --turn} alternating between the endpoints.
 *
 * <pre>
 * java -cp CLASSPATH dev.takedown.bench.screening.ScreeningHttp --terms=10000 --clients=8 --turn=PT10S --turns=6
 * </pre>
 */
public final class ScreeningHttp {

    /** One turn's figures. */
    public record Turn(String endpoint, long requests, double seconds, long blocked) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.0f/s", endpoint, requests / seconds);
        }
    }

    private ScreeningHttp() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> a = Args.parse(args);
        int terms = Integer.parseInt(a.getOrDefault("terms", "10000"));
        int perMeasure = Integer.parseInt(a.getOrDefault("terms-per-measure", "10"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
        Duration turn = Duration.parse(a.getOrDefault("turn", "PT10S"));
        int turns = Integer.parseInt(a.getOrDefault("turns", "6"));
        Duration warmup = Duration.parse(a.getOrDefault("warmup", "PT15S"));
        List<String> jvm = List.of(a.getOrDefault("app-jvm", "-Xmx1g").split(" "));
        System.out.println("cores " + Runtime.getRuntime().availableProcessors());

        Path work = Files.createTempDirectory("takedown-screening-http");
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(work.resolve("pg"), 0)) {
            try (Connection c = DriverManager.getConnection(infrastructure.jdbcUrl(), "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create database takedown_http");
            }
            int port = ChildJvm.freePort();
            try (ChildJvm app = ChildJvm.start(
                    jvm,
                    ChildJvm.ownClasspath(),
                    false,
                    "dev.takedown.TakedownApplication",
                    List.of(
                            "--spring.profiles.active=local",
                            "--server.port=" + port,
                            "--spring.datasource.url="
                                    + infrastructure.jdbcUrl().replace("/postgres?", "/takedown_http?"),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                            "--logging.level.root=WARN"),
                    work.resolve("app"),
                    work.resolve("app.log"),
                    port)) {
                System.out.printf(
                        "app ready in %.1f s (log %s)%n",
                        app.awaitReady(Duration.ofMinutes(5)), work.resolve("app.log"));
                String key = platformKey(app.baseUrl());
                int measures = seed(infrastructure.kafkaBootstrapServers(), terms, perMeasure);
                awaitFilters(app.baseUrl(), key, measures);
                System.out.printf("index: %d measures, %d terms%n", measures, terms);
                List<Turn> results = run(port, key, PromptCorpus.of(terms).prompts, clients, warmup, turn, turns);
                summarise(results, clients, terms);
            }
        }
    }

    /** Alternating turns; the first turn of each endpoint after {@code warmup} of both. */
    static List<Turn> run(
            int port, String key, String[] prompts, int clients, Duration warmup, Duration turn, int turns)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> screen = new ArrayList<>();
        for (String prompt : prompts) {
            byte[] body = json.writeValueAsBytes(Map.of("prompt", prompt, "account_id", "user-1"));
            screen.add(concat(
                    ("POST /api/screen/prompt HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + key
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8),
                    body));
        }
        List<byte[]> status =
                List.of(("GET /api/screen/status HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + key + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        turn(port, "screen", screen, clients, warmup);
        turn(port, "status", status, clients, warmup);
        List<Turn> results = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            boolean screenFirst = t % 2 == 0;
            results.add(turn(port, screenFirst ? "screen" : "status", screenFirst ? screen : status, clients, turn));
            results.add(turn(port, screenFirst ? "status" : "screen", screenFirst ? status : screen, clients, turn));
            System.out.println(results.get(results.size() - 2) + " " + results.get(results.size() - 1));
        }
        return results;
    }

    static void summarise(List<Turn> results, int clients, int terms) {
        double screen = rate(results, "screen");
        double status = rate(results, "status");
        long blocked = results.stream()
                .filter(r -> r.endpoint().equals("screen"))
                .mapToLong(Turn::blocked)
                .sum();
        long screened = results.stream()
                .filter(r -> r.endpoint().equals("screen"))
                .mapToLong(Turn::requests)
                .sum();
        System.out.printf(
                Locale.ROOT,
                """

                | endpoint (%d clients, %d terms) | requests/s |
                |---|---|
                | GET /api/screen/status | %.0f |
                | POST /api/screen/prompt | %.0f |
                | screening / status (goal >= 0.80) | %.2f |

                BLOCK share of screened prompts %.1f %% (%d of %d)
                """,
                clients,
                terms,
                status,
                screen,
                screen / status,
                100.0 * blocked / screened,
                blocked,
                screened);
    }

    private static double rate(List<Turn> results, String endpoint) {
        long requests = results.stream()
                .filter(r -> r.endpoint().equals(endpoint))
                .mapToLong(Turn::requests)
                .sum();
        double seconds = results.stream()
                .filter(r -> r.endpoint().equals(endpoint))
                .mapToDouble(Turn::seconds)
                .sum();
        return requests / seconds;
    }

    /** {@code clients} threads, each a keep-alive connection sending the requests in turn until time is up. */
    static Turn turn(int port, String endpoint, List<byte[]> requests, int clients, Duration duration)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong blocked = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 31;
            Thread thread = new Thread(
                    () -> {
                        KeepAlive connection = null;
                        try {
                            start.await();
                            long end = window[1];
                            for (int i = offset; System.nanoTime() < end; i++) {
                                if (connection == null) {
                                    connection = new KeepAlive(port);
                                }
                                Response response = connection.exchange(requests.get(i % requests.size()));
                                if (response.status() != 200) {
                                    throw new IllegalStateException(
                                            endpoint + " answered " + response.status() + ": " + response.body());
                                }
                                done.incrementAndGet();
                                if (response.body().contains("\"decision\":\"BLOCK\"")) {
                                    blocked.incrementAndGet();
                                }
                                if (response.close()) {
                                    connection.close();
                                    connection = null;
                                }
                            }
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        } finally {
                            if (connection != null) {
                                connection.close();
                            }
                        }
                    },
                    "client-" + c);
            thread.start();
            threads.add(thread);
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " client(s) failed", failures.get(0));
        }
        return new Turn(endpoint, done.get(), (System.nanoTime() - window[0]) / 1e9, blocked.get());
    }

    private record Response(int status, String body, boolean close) {}

    /** A keep-alive HTTP/1.1 connection: one request at a time, Content-Length or chunked answers. */
    private static final class KeepAlive {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        KeepAlive(int port) throws IOException {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8), close);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** Filter measures as the outbox sends them, {@code perMeasure} of the corpus' terms each. */
    static int seed(String bootstrap, int terms, int perMeasure) throws Exception {
        ObjectMapper json = Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        var kafka = EnforcementLatency.appKafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrap));
        KafkaTemplate<String, byte[]> template =
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(null)));
        template.setMessageConverter(new ByteArrayJsonMessageConverter(json));
        List<String> all = PromptCorpus.of(terms).terms;
        int measures = 0;
        try {
            for (int from = 0; from < all.size(); from += perMeasure) {
                List<String> some = all.subList(from, Math.min(all.size(), from + perMeasure));
                ScreeningRule rule = new ScreeningRule(
                        "Work " + measures,
                        some,
                        null,
                        List.of("licensee-" + measures),
                        null,
                        List.of("draw " + some.get(0)));
                EnforcementLatency.send(
                        template,
                        Topics.MEASURES,
                        new MeasureApplied(
                                UUID.randomUUID(),
                                Instant.now(),
                                "case-http-" + measures,
                                "moderator",
                                "http-measure-" + measures,
                                "PROMPT_FILTER",
                                null,
                                rule));
                measures++;
            }
            template.flush();
        } finally {
            template.destroy();
        }
        return measures;
    }

    private static void awaitFilters(String baseUrl, String key, int measures) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/api/screen/status"))
                                    .header("X-Api-Key", key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (new ObjectMapper().readTree(body).path("active_filters").asInt() >= measures) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("index not fed: " + body);
            }
            Thread.sleep(200);
        }
    }

    /** A platform service's API key, issued by the demo admin (one BCrypt, once). */
    static String platformKey(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/api-keys"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"role\":\"PLATFORM_SERVICE\",\"label\":\"bench\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("API key not issued: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("key").asText();
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
