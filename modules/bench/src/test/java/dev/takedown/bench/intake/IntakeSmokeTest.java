package dev.takedown.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.takedown.bench.bulk.BulkDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The intake load code runs once, briefly: the load driver against a stub server that answers like intake and the
 * task queue (one tiny op; no app, no timing assertions), and the JDBC ceiling against embedded PostgreSQL.
 */
class IntakeSmokeTest {

    @Test
    void loadDriverSendsAtTheRateAndFollowsSampledCasesToTheirTask() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        AtomicInteger filed = new AtomicInteger();
        server.createContext("/api/notices", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"case_id\":\"case-" + filed.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/tasks", exchange -> {
            StringBuilder tasks = new StringBuilder("[");
            for (int i = 1; i <= filed.get(); i++) {
                tasks.append(i > 1 ? "," : "")
                        .append("{\"case_id\":\"case-")
                        .append(i)
                        .append("\"}");
            }
            byte[] body = tasks.append("]").toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            LoadDriver.Report report = LoadDriver.run(LoadDriver.Options.of(
                    "http://localhost:" + server.getAddress().getPort(),
                    50,
                    Duration.ofMillis(100),
                    Duration.ofMillis(400)));
            assertThat(report.sent()).isEqualTo(20);
            assertThat(report.accepted()).isEqualTo(20);
            assertThat(report.failed()).isZero();
            assertThat(report.p99()).isPositive();
            assertThat(report.taskSeen()).isEqualTo(report.taskSampled()).isPositive();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void ceilingStoresNoticeAndOutboxRows() throws Exception {
        try (BulkDatabase database = new BulkDatabase();
                JdbcCeiling ceiling = new JdbcCeiling(database.dataSource().getJdbcUrl())) {
            LoadDriver.Report report = ceiling.run(100, Duration.ZERO, Duration.ofMillis(200));
            assertThat(report.accepted()).isEqualTo(20);
            assertThat(report.failed()).isZero();
        }
    }
}
