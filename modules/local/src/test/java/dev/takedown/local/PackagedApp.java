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
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as the tests that run it in JVMs of their own ({@link PackagedRolesIT},
 * {@link FaultCluster}, {@link ProductionStartIT}) start it: the exec jar extracted once per test JVM, in a folder of its own
 * ({@code -Djarmode=tools extract}: the application jar beside {@code lib/}, started with {@code java -jar} as Spring
 * Boot recommends for production). No class-data-sharing archive: its training start (about 50 s, a start that dumps
 * every loaded class) cost as much CPU as it saved on the default run's nine starts (about 7 s each, 24 s → 17 s of
 * CPU), and under load it outlasted the start timeout.
 */
final class PackagedApp {

    /** C1 only and the serial collector: a start costs less CPU, which is what a 2-core machine runs out of. */
    static final List<String> HEAP_AND_JIT = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * One folder per test JVM: the two JVMs of the whole-stack phase each extract anew, and a shared folder was
     * replaced under the other's running nodes, whose next restart found no jar.
     */
    private static final Path HOME = Path.of(
                    "target/packaged-app",
                    String.valueOf(ProcessHandle.current().pid()))
            .toAbsolutePath();

    private static PackagedApp extracted;

    private final Path jar;

    private PackagedApp(Path jar) {
        this.jar = jar;
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
                    log);
            try (var jars = Files.list(HOME.resolve("jar"))) {
                Path jar = jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no jar extracted:\n" + tail(log)));
                extracted = new PackagedApp(jar);
            }
        }
        return extracted;
    }

    /** The command that starts the application ({@code -D} options go before {@code -jar}). */
    List<String> command(List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(HEAP_AND_JIT);
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static void run(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of the test JVM's Spring or Takedown settings leaks into the child
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("SPRING_") || k.startsWith("TAKEDOWN_") || k.startsWith("CAMUNDA_"));
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
