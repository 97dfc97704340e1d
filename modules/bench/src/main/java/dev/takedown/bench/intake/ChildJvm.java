package dev.takedown.bench.intake;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Takedown JVM started as a child process (one process engine per JVM), ready when
 * {@code /actuator/health/readiness} answers 200. Peak resident memory is the kernel's VmHWM for the process.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedNanos;
    private long readyNanos;

    private ChildJvm(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** {@code java [jvmArgs] -cp classpath mainClass [args]} or {@code java [jvmArgs] -jar jar [args]}. */
    public static ChildJvm start(
            List<String> jvmArgs,
            String classpathOrJar,
            boolean jar,
            String mainClass,
            List<String> args,
            Path workingDirectory,
            Path log,
            int port)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (jar) {
            command.add("-jar");
            command.add(classpathOrJar);
        } else {
            command.add("-cp");
            command.add(classpathOrJar);
            command.add(mainClass);
        }
        command.addAll(args);
        Files.createDirectories(workingDirectory);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long started = System.nanoTime();
        return new ChildJvm(builder.start(), port, started);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** This JVM's class path, which holds the local stack (demo accounts, {@code LocalTakedown}). */
    public static String ownClasspath() {
        // absolute, since the child runs in a working directory of its own
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> new File(entry).getAbsolutePath())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the process has used so far (user and system, all threads). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Seconds from the process start until readiness. */
    public double awaitReady(Duration patience) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child JVM exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return (readyNanos - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within " + patience);
    }

    /** Waits for a child that ends by itself (a peer that prints its figures and exits); its exit code. */
    public int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("child JVM still running after " + patience);
        }
        return process.exitValue();
    }

    /** Peak resident set size in MiB (VmHWM), or -1 where /proc is not available. */
    public double peakRssMiB() {
        return peakRssMiB(process.pid());
    }

    public static double peakRssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** SIGTERM (graceful Spring shutdown), then a kill after 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String pathOf(File file) {
        return file.getAbsolutePath();
    }
}
