package dev.takedown.local;

import static dev.takedown.local.ChildProcesses.execJar;
import static dev.takedown.local.ChildProcesses.java;
import static dev.takedown.local.ChildProcesses.recreate;
import static dev.takedown.local.ChildProcesses.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as the tests that run it in JVMs of their own ({@link PackagedRolesIT},
 * {@link FaultCluster}) start it: the exec jar extracted once per test JVM ({@code -Djarmode=tools extract}: the
 * application jar beside {@code lib/}, started with {@code java -jar} as Spring Boot recommends for production), and
 * a class-data-sharing archive made by one training start. Every later start maps the classes from the archive
 * instead of reading, parsing and verifying them again, which halves the CPU time of a start; the scenarios start
 * and restart the jar again and again. The training start ends once its context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}), so it migrates the database it is given, as the first real start would.
 */
final class PackagedApp {

    /** The same for the training start and every start that maps its archive, or the JVM ignores the archive. */
    static final List<String> HEAP_AND_JIT = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Path HOME = Path.of("target/packaged-app").toAbsolutePath();
    private static PackagedApp extracted;

    private final Path jar;
    private final Path archive;
    private boolean trained;

    private PackagedApp(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    /** The extracted jar; extracted anew by the first caller of this test JVM, since a build may have repackaged. */
    static synchronized PackagedApp get() throws IOException {
        if (extracted == null) {
            recreate(HOME);
            Path log = HOME.resolve("extract.log");
            run(
                    List.of(
                            java(),
                            "-Djarmode=tools",
                            "-jar",
                            execJar().toString(),
                            "extract",
                            "--destination",
                            HOME.resolve("jar").toString()),
                    Map.of(),
                    log);
            try (var jars = Files.list(HOME.resolve("jar"))) {
                Path jar = jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no jar extracted:\n" + tail(log)));
                extracted = new PackagedApp(jar, HOME.resolve("app.jsa"));
            }
        }
        return extracted;
    }

    /**
     * The command that starts the application ({@code -D} options go before {@code -jar}): mapping the archive once
     * one is trained, else as a plain JVM.
     */
    synchronized List<String> command(List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(HEAP_AND_JIT);
        if (trained) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /**
     * Makes the archive, once per test JVM: starts the application with this environment (a database and a broker
     * it can reach) until its context is refreshed and lets the JVM write every class it loaded.
     */
    synchronized void train(List<String> systemProperties, Map<String, String> environment, Path directory)
            throws IOException {
        if (trained) {
            return;
        }
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(HEAP_AND_JIT);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        long started = System.nanoTime();
        run(command, environment, HOME.resolve("training.log"), directory);
        trained = Files.isRegularFile(archive);
        System.out.printf("[child] class-data archive trained in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException {
        run(command, environment, log, HOME);
    }

    private static void run(List<String> command, Map<String, String> environment, Path log, Path directory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of the test JVM's Spring or Takedown settings leaks into the child
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("SPRING_") || k.startsWith("TAKEDOWN_") || k.startsWith("CAMUNDA_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(ChildProcesses.STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        command + " did not finish within " + ChildProcesses.STARTUP + ":\n" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + process.exitValue() + ":\n" + tail(log));
        }
    }
}
