package dev.takedown.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.takedown.bench.bulk.BulkDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The intake load code runs once, briefly: the load driver against a stub server that answers like intake and the
 * task queue (one tiny op; no app, no timing assertions), and the JDBC ceiling against embedded PostgreSQL.
 */
class IntakeSmokeTest {

    @Test
    void loadDriverSendsAtTheRateAndFollowsSampledCasesToTheirTask() throws Exception {
        AtomicInteger filed = new AtomicInteger();
        HttpServer server = intake(caseId -> filed.incrementAndGet());
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
    void databaseProbeSeesEachTaskWhenItsTransactionCommits() throws Exception {
        try (BulkDatabase database = new BulkDatabase()) {
            String url = database.dataSource().getJdbcUrl();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create table act_ru_execution (id_ varchar(64) primary key, business_key_ varchar(255))");
                s.execute("create table act_ru_task (id_ varchar(64) primary key, proc_inst_id_ varchar(64))");
            }
            // the task commits before the driver reads the 201 that names its case: the probe must keep it
            HttpServer server = intake(caseId -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                        Statement s = c.createStatement()) {
                    s.execute("insert into act_ru_execution values ('p-" + caseId + "', '" + caseId + "')");
                    s.execute("insert into act_ru_task values ('t-" + caseId + "', 'p-" + caseId + "')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();
            try {
                LoadDriver.Report report = LoadDriver.run(LoadDriver.Options.of(
                                "http://localhost:" + server.getAddress().getPort(),
                                50,
                                Duration.ofMillis(100),
                                Duration.ofMillis(400))
                        .withTaskDatabase(url)
                        .withEveryTask());
                assertThat(report.accepted()).isEqualTo(20);
                assertThat(report.taskSampled()).isEqualTo(20);
                assertThat(report.taskSeen()).isEqualTo(20);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void intervalOfTheMeanFollowsStudentsT() {
        // mean 2, sample standard deviation 1, t(0.975; 2) = 4.303: 4.303 / sqrt(3)
        assertThat(Stats.mean(new double[] {1, 2, 3})).isEqualTo(2.0);
        assertThat(Stats.halfWidth95(new double[] {1, 2, 3})).isCloseTo(2.484, within(0.001));
        assertThat(Stats.halfWidth95(new double[] {5})).isNaN();
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

    /** A stub of {@code POST /api/notices}: each filing gets the next case id, handed to {@code onFiled} first. */
    private static HttpServer intake(Consumer<String> onFiled) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        AtomicInteger filed = new AtomicInteger();
        server.createContext("/api/notices", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String caseId = "case-" + filed.incrementAndGet();
            onFiled.accept(caseId);
            byte[] body = ("{\"case_id\":\"" + caseId + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return server;
    }
}
