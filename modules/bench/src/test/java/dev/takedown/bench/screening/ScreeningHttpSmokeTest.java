package dev.takedown.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP load code runs once, briefly, against a stub server (no app, no timing assertions): the keep-alive client
 * reads fixed-length and chunked answers, reconnects when the server closes, and counts BLOCK verdicts.
 */
class ScreeningHttpSmokeTest {

    @Test
    void closedLoopClientsCountAnswersAndBlocks() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/screen/prompt", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (calls.incrementAndGet() % 2 == 0 ? "{\"decision\":\"BLOCK\"}" : "{\"decision\":\"ALLOW\"}")
                    .getBytes(StandardCharsets.UTF_8);
            // every third answer chunked, to read both framings
            exchange.sendResponseHeaders(200, calls.get() % 3 == 0 ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            byte[] request = ("POST /api/screen/prompt HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.UTF_8);
            ScreeningHttp.Turn turn = ScreeningHttp.turn(
                    server.getAddress().getPort(), "screen", List.of(request), 2, Duration.ofMillis(300));
            assertThat(turn.requests()).isPositive().isEqualTo(calls.get());
            assertThat(turn.blocked()).isBetween(turn.requests() / 2 - 2, turn.requests() / 2 + 2);
        } finally {
            server.stop(0);
        }
    }
}
