package dev.takedown.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tests that run the packaged jar and a broker as processes of their own ({@link FaultCluster},
 * {@link PackagedRolesIT}) need around those processes: the jar, free ports, waiting for readiness, log tails.
 */
final class ChildProcesses {

    static final Duration STARTUP = Duration.ofSeconds(150);
    private static final Path APP_TARGET = Path.of("../app/target");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcesses() {}

    /** The app's packaged exec jar, which a reactor build packages before modules/local runs its tests. */
    static Path execJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(APP_TARGET)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(APP_TARGET, "takedown-app-*-exec.jar")) {
                found.forEach(jars::add);
            }
        }
        if (jars.size() != 1) {
            throw new AssertionError("expected exactly one packaged jar takedown-app-*-exec.jar in "
                    + APP_TARGET.toAbsolutePath().normalize() + ", found " + jars
                    + ". Build it first: ./mvnw -pl modules/app -am package -DskipTests");
        }
        return jars.get(0).toAbsolutePath();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void recreate(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(directory);
    }

    /** Waits until the process's health endpoint answers UP; fails with the log's tail if it exits or times out. */
    static void awaitHealthy(String name, Process process, String url, Path log) {
        long started = System.nanoTime();
        long deadline = started + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    System.out.printf(
                            "[child] %s healthy after %.1f s, %.1f s of CPU%n",
                            name,
                            (System.nanoTime() - started) / 1e9,
                            process.info()
                                            .totalCpuDuration()
                                            .map(Duration::toMillis)
                                            .orElse(0L)
                                    / 1e3);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new AssertionError(name + " not healthy within " + STARTUP + ":\n" + tail(log));
    }

    /** Waits for the log line starting with {@code prefix} and returns the rest of it. */
    static String awaitLine(Process process, Path log, String prefix) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length()).strip();
                    }
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("process exited with " + process.exitValue() + ":\n" + tail(log));
            }
            sleep(200);
        }
        throw new AssertionError("no '" + prefix + "' within " + STARTUP + ":\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
