package dev.takedown.bench.intake;

import dev.takedown.local.LocalInfrastructure;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Start-up and footprint (issue 9), same run: time from process start to readiness and peak RSS (VmHWM) of
 * (1) the one-command local system ({@code LocalTakedown}: PostgreSQL, broker and app from one JVM) and (2) the
 * packaged exec jar ({@code modules/app/target/takedown-app-*-exec.jar}, profile {@code local}) against embedded
 * infrastructure started by this harness beforehand. PostgreSQL runs in its own processes in both cases (detached by
 * pg_ctl) and is not included in either figure; the KRaft broker is inside the JVM in (1) and in this harness in (2).
 *
 * <pre>java -cp CLASSPATH dev.takedown.bench.intake.StartupFootprint [--jar=modules/app/target/...-exec.jar]</pre>
 */
public final class StartupFootprint {

    private StartupFootprint() {}

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 && args[0].startsWith("--jar=") ? Path.of(args[0].substring(6)) : findJar();
        Path work = Files.createTempDirectory("takedown-startup");
        Duration patience = Duration.ofMinutes(5);

        int port = ChildJvm.freePort();
        double localReady;
        double localRss;
        try (ChildJvm local = ChildJvm.start(
                List.of("-Dtakedown.local.data=" + work.resolve("local-pg")),
                ChildJvm.ownClasspath(),
                false,
                "dev.takedown.local.LocalTakedown",
                List.of("--server.port=" + port),
                work.resolve("local"),
                work.resolve("local.log"),
                port)) {
            localReady = local.awaitReady(patience);
            localRss = local.peakRssMiB();
        }

        double jarReady;
        double jarRss;
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(work.resolve("jar-pg"), 0)) {
            int jarPort = ChildJvm.freePort();
            try (ChildJvm app = ChildJvm.start(
                    List.of(),
                    jar.toAbsolutePath().toString(),
                    true,
                    null,
                    List.of(
                            "--spring.profiles.active=local",
                            "--server.port=" + jarPort,
                            "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()),
                    work.resolve("jar"),
                    work.resolve("jar.log"),
                    jarPort)) {
                jarReady = app.awaitReady(patience);
                jarRss = app.peakRssMiB();
            }
        }
        System.out.println();
        System.out.println("| system | ready (s) | peak RSS JVM (MiB) | notes |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
                "| LocalTakedown (one command) | %.1f | %.0f | JVM with broker and app; PostgreSQL not included |%n",
                localReady, localRss);
        System.out.printf(
                "| exec jar (%s) | %.1f | %.0f | PostgreSQL and broker already running |%n",
                jar.getFileName(), jarReady, jarRss);
        System.out.printf(
                "ratios: ready local/jar = %.2f; RSS local/jar = %.2f%n", localReady / jarReady, localRss / jarRss);
        System.out.println("logs in " + work);
    }

    static Path findJar() throws IOException {
        try (DirectoryStream<Path> jars =
                Files.newDirectoryStream(Path.of("modules/app/target"), "takedown-app-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("build modules/app first: no takedown-app-*-exec.jar in modules/app/target");
    }
}
