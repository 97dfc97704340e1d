package dev.takedown.bench.bulk;

import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.internal.BulkRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tokenizer alone, without validation or the database: the {@value BulkTargetsBenchmark#ROWS}-row upload of
 * {@link BulkTargetsBenchmark} split into rows and fields by the hand-written line reader of
 * {@link LegacyBulkTargets} and by {@link BulkRows} (commons-csv behind the reader that bounds each row), reported per
 * input row (lower is better). Each returns the number of fields it found, which must agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BulkParsingBenchmark {

    byte[] csv;

    @Setup
    public void upload() {
        csv = BulkCsv.csv(BulkTargetsBenchmark.ROWS);
    }

    @Benchmark
    @OperationsPerInvocation(BulkTargetsBenchmark.ROWS)
    public long handWritten() throws IOException {
        LegacyBulkTargets.LineReader lines = new LegacyBulkTargets.LineReader(reader(), LegacyBulkTargets.MAX_LINE);
        long fields = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line != LegacyBulkTargets.LineReader.TOO_LONG && !line.isBlank()) {
                fields += LegacyBulkTargets.split(line, ',').size();
            }
        }
        return fields;
    }

    @Benchmark
    @OperationsPerInvocation(BulkTargetsBenchmark.ROWS)
    public long commonsCsv() throws IOException {
        BulkRows rows = new BulkRows(reader(), BulkTargets.Format.CSV, LegacyBulkTargets.MAX_LINE);
        long fields = 0;
        for (BulkRows.Row row = rows.next(); row != null; row = rows.next()) {
            if (row instanceof BulkRows.Fields parsed) {
                fields += parsed.values().size();
            }
        }
        return fields;
    }

    private InputStreamReader reader() {
        return new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
    }
}
