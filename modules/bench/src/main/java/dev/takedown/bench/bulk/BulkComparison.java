package dev.takedown.bench.bulk;

import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.internal.BulkRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The commons-csv path against the hand-written one it replaced, in pairs, so that the load of a shared machine falls
 * on both: each round times the legacy and the current side back to back, in alternating order, and the result is
 * the ratio current / legacy per round, their geometric mean and its 95 % bootstrap interval. Two comparisons, on the
 * {@value BulkTargetsBenchmark#ROWS}-row upload of {@link BulkTargetsBenchmark}:
 * <ul>
 * <li>{@code tokenizer}: splitting the upload into rows and fields only ({@link LegacyBulkTargets}' line reader and
 * tokenizer against {@link BulkRows}), {@code --parses} times per side and round;</li>
 * <li>{@code upload}: {@link BulkTargets#upload} against {@link LegacyBulkTargets#upload} on embedded PostgreSQL, from
 * a fresh case each time (parse, canonicalise, validate, stage, deduplicate, store), by the clock and by the CPU time
 * of the uploading thread. The second leaves out PostgreSQL, which runs the same statements on the same rows for
 * both, and the time the thread waits for a core: it is the JVM's share, where the two differ, and much less
 * disturbed by other work on the machine.</li>
 * </ul>
 *
 * <pre>
 * java -cp CLASSPATH dev.takedown.bench.bulk.BulkComparison --rounds=60 --warmup=5 --parses=5
 * </pre>
 */
public final class BulkComparison {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BulkComparison() {}

    public static void main(String[] args) {
        int rounds = option(args, "rounds", 60);
        int warmup = option(args, "warmup", 5);
        int parses = option(args, "parses", 5);
        System.out.println("load average at start: " + load());
        byte[] csv = BulkCsv.csv(BulkTargetsBenchmark.ROWS);
        BulkTargetsBenchmark uploads = new BulkTargetsBenchmark();
        uploads.start();
        try {
            LongSupplier legacyTokenizer = () -> repeat(parses, () -> handWritten(csv));
            LongSupplier tokenizer = () -> repeat(parses, () -> commonsCsv(csv));
            long[] cpu = new long[2];
            LongSupplier legacyUpload = () -> {
                uploads.freshCase();
                long start = THREADS.getCurrentThreadCpuTime();
                long wall = time(() -> uploads.streamingLegacy().accepted());
                cpu[0] = THREADS.getCurrentThreadCpuTime() - start;
                return wall;
            };
            LongSupplier upload = () -> {
                uploads.freshCase();
                long start = THREADS.getCurrentThreadCpuTime();
                long wall = time(() -> uploads.streaming().accepted());
                cpu[1] = THREADS.getCurrentThreadCpuTime() - start;
                return wall;
            };
            report("tokenizer", pairs(legacyTokenizer, tokenizer, warmup, rounds, null, null), parses);
            long[][] cpuTimes = new long[rounds][];
            report("upload", pairs(legacyUpload, upload, warmup, rounds, () -> cpu.clone(), cpuTimes), 1);
            report("upload, CPU time of the uploading thread", cpuTimes, 1);
        } finally {
            uploads.stop();
        }
        System.out.println("load average at end: " + load());
    }

    /** The fields of every row the hand-written reader finds. */
    static long handWritten(byte[] csv) {
        try {
            LegacyBulkTargets.LineReader lines =
                    new LegacyBulkTargets.LineReader(reader(csv), LegacyBulkTargets.MAX_LINE);
            long fields = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line != LegacyBulkTargets.LineReader.TOO_LONG && !line.isBlank()) {
                    fields += LegacyBulkTargets.split(line, ',').size();
                }
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of every row commons-csv finds, as {@link BulkTargets} reads them. */
    static long commonsCsv(byte[] csv) {
        try {
            BulkRows rows = new BulkRows(reader(csv), BulkTargets.Format.CSV, LegacyBulkTargets.MAX_LINE);
            long fields = 0;
            for (BulkRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (row instanceof BulkRows.Fields parsed) {
                    fields += parsed.values().size();
                }
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStreamReader reader(byte[] csv) {
        return new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
    }

    /**
     * Nanoseconds of legacy and current per round, after {@code warmup} rounds that are not kept; when {@code also}
     * is given, what it returns after each round goes to {@code alsoTimes}.
     */
    private static long[][] pairs(
            LongSupplier legacy,
            LongSupplier current,
            int warmup,
            int rounds,
            Supplier<long[]> also,
            long[][] alsoTimes) {
        long[][] times = new long[rounds][];
        for (int round = -warmup; round < rounds; round++) {
            long[] pair = new long[2];
            if (Math.floorMod(round, 2) == 0) {
                pair[0] = legacy.getAsLong();
                pair[1] = current.getAsLong();
            } else {
                pair[1] = current.getAsLong();
                pair[0] = legacy.getAsLong();
            }
            if (round >= 0) {
                times[round] = pair;
                if (also != null) {
                    alsoTimes[round] = also.get();
                }
            }
        }
        return times;
    }

    private static void report(String name, long[][] times, int perSide) {
        int n = times.length;
        double[] logRatios = new double[n];
        double[] legacy = new double[n];
        double[] current = new double[n];
        List<String> perRound = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            legacy[i] = nsPerRow(times[i][0], perSide);
            current[i] = nsPerRow(times[i][1], perSide);
            logRatios[i] = Math.log(current[i] / legacy[i]);
            perRound.add(String.format(Locale.ROOT, "%.2f", current[i] / legacy[i]));
        }
        double[] interval = bootstrap(logRatios);
        System.out.printf(
                Locale.ROOT,
                "%s: legacy %.0f ns/row, commons-csv %.0f ns/row (medians of %d rounds); "
                        + "ratio commons-csv / legacy %.3f, 95%% interval [%.3f, %.3f]%n  per round: %s%n",
                name,
                median(legacy),
                median(current),
                n,
                Math.exp(mean(logRatios)),
                Math.exp(interval[0]),
                Math.exp(interval[1]),
                String.join(" ", perRound));
    }

    /** Percentile bootstrap of the mean (10,000 resamples, fixed seed): its 2.5 % and 97.5 % points. */
    private static double[] bootstrap(double[] values) {
        Random random = new Random(42);
        double[] means = new double[10_000];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        Arrays.sort(means);
        return new double[] {means[(int) (means.length * 0.025)], means[(int) (means.length * 0.975) - 1]};
    }

    private static double nsPerRow(long nanos, int perSide) {
        return (double) nanos / perSide / BulkTargetsBenchmark.ROWS;
    }

    private static long repeat(int times, LongSupplier work) {
        long total = 0;
        for (int i = 0; i < times; i++) {
            total += time(work);
        }
        return total;
    }

    /** Nanoseconds {@code work} took; its result must be positive, which also keeps it from being optimised away. */
    private static long time(LongSupplier work) {
        long start = System.nanoTime();
        long result = work.getAsLong();
        long elapsed = System.nanoTime() - start;
        if (result <= 0) {
            throw new IllegalStateException("nothing was read");
        }
        return elapsed;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
