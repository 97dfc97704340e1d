package dev.takedown.bench.intake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of the processes an accepted notice costs besides the app JVM: PostgreSQL (the postmaster, its live
 * children, and the children it has already reaped) and the brokers, which run in this JVM (every thread here except
 * the load driver's).
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100;

    private final Path postgresDataDirectory;

    CpuMeter(Path postgresDataDirectory) {
        this.postgresDataDirectory = postgresDataDirectory;
    }

    Duration postgres() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postgresDataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            // utime + stime of every live process, cutime + cstime of the postmaster for the backends that ended
            long ticks = ticks(postmaster, true);
            ticks += ProcessHandle.of(postmaster).stream()
                    .flatMap(ProcessHandle::descendants)
                    .mapToLong(child -> ticks(child.pid(), false))
                    .sum();
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    static Duration brokers() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || isLoadDriver(info.getThreadName())) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            nanos += Math.max(0, cpu);
        }
        return Duration.ofNanos(nanos);
    }

    private static boolean isLoadDriver(String thread) {
        return thread.equals("main") || thread.startsWith("load-") || thread.startsWith("HttpClient-");
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
