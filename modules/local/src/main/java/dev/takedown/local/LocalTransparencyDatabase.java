package dev.takedown.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Commission's DSA Transparency Database API on a free loopback port, so the local stack submits
 * its statements of reasons somewhere an integrator can watch: {@code POST /api/v1/statements} (a bearer token
 * required, as by the real API) stores them and answers 201 with each one's uuid and permalink, or 422 naming the
 * puids it already holds ({@code errors.existing_puids}, as the real multiple-statements endpoint does), storing none
 * of that call; {@code POST /failures?count=n} makes the next n calls answer 500; {@code GET /api/v1/statements}
 * lists what it received. It keeps everything in memory: a restart empties it.
 */
public final class LocalTransparencyDatabase implements AutoCloseable {

    static final String TOKEN = "local-sandbox-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, JsonNode> received = new LinkedHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    private LocalTransparencyDatabase(HttpServer server) {
        this.server = server;
    }

    public static LocalTransparencyDatabase start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalTransparencyDatabase sandbox = new LocalTransparencyDatabase(server);
            server.createContext("/api/v1/statements", sandbox::statements);
            server.createContext("/failures", sandbox::failures);
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local Transparency Database", e);
        }
    }

    /** The multiple-statements endpoint, for {@code takedown.audit.tdb.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/statements";
    }

    private void statements(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            ArrayNode all = JSON.createArrayNode();
            synchronized (received) {
                all.addAll(received.values());
            }
            answer(exchange, 200, JSON.createObjectNode().set("statements", all));
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 405, message("The " + exchange.getRequestMethod() + " method is not supported."));
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, message("Unauthenticated."));
            return;
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 500, message("Server Error"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException notJson) {
            answer(exchange, 400, message("The body is not JSON."));
            return;
        }
        List<JsonNode> statements = new ArrayList<>();
        body.path("statements").forEach(statements::add);
        if (statements.isEmpty()) {
            answer(exchange, 422, message("The statements field is required."));
            return;
        }
        synchronized (received) {
            Set<String> existing = new LinkedHashSet<>();
            Set<String> inCall = new LinkedHashSet<>();
            for (JsonNode statement : statements) {
                String puid = statement.path("puid").asText("");
                if (received.containsKey(puid) || !inCall.add(puid)) {
                    existing.add(puid);
                }
            }
            if (!existing.isEmpty()) {
                ObjectNode refused = message("The identifier given for the statement has already been used.");
                refused.putObject("errors").set("existing_puids", JSON.valueToTree(existing));
                answer(exchange, 422, refused);
                return;
            }
            ArrayNode created = JSON.createArrayNode();
            for (JsonNode statement : statements) {
                String uuid = UUID.randomUUID().toString();
                ObjectNode stored = ((ObjectNode) statement.deepCopy())
                        .put("uuid", uuid)
                        .put("created_at", Instant.now().toString())
                        .put("platform_name", "Takedown (local sandbox)")
                        .put(
                                "permalink",
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/statement/" + uuid);
                received.put(statement.path("puid").asText(), stored);
                created.add(stored);
            }
            answer(exchange, 201, JSON.createObjectNode().set("statements", created));
        }
    }

    private void failures(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int count;
        try {
            count = query != null && query.startsWith("count=") ? Integer.parseInt(query.substring(6)) : 1;
        } catch (NumberFormatException notANumber) {
            answer(exchange, 400, message("count must be a number"));
            return;
        }
        failures.set(Math.max(0, count));
        answer(exchange, 200, message("the next " + failures.get() + " calls answer 500"));
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
