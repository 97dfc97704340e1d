package dev.takedown.bench.bulk;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.TargetUrl;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;

/**
 * Issue 9, bulk notices: the same {@value #ROWS}-row CSV (20 % duplicates, 5 % malformed) stored three ways on
 * embedded PostgreSQL 17, reported as time per input row (lower is better):
 * <ul>
 * <li>{@code streaming}: {@link BulkTargets#upload} from an InputStream (parse through commons-csv, canonicalise,
 * validate, dedupe within the upload and against the case, store);</li>
 * <li>{@code streamingLegacy}: the same upload through {@link LegacyBulkTargets}, the path as it was with its
 * hand-written tokenizer, so that the two compare in one run;</li>
 * <li>{@code copy}: PostgreSQL {@code COPY} of the well-formed rows, already canonicalised outside the timing (no
 * parsing, no dedupe: the floor for getting the rows into the table);</li>
 * <li>{@code naive}: what an ORM {@code saveAll} without batching does on the wire — one {@code INSERT} per row
 * with autocommit, parsing and canonicalising as it goes, over the first {@value #NAIVE_ROWS} rows (100,000 would
 * take minutes; the per-row figure is what is compared). Plain JDBC, not JPA: bootstrapping Hibernate inside JMH
 * was not worth it, and JPA would only add work on top of these statements.</li>
 * </ul>
 * Every invocation starts from an empty target table and a fresh case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BulkTargetsBenchmark {

    public static final int ROWS = 100_000;
    public static final int NAIVE_ROWS = 10_000;
    static final Caller HOLDER = new Caller("bench", BulkDatabase.ORGANISATION, "RIGHTS_HOLDER");

    /** false: zonky's defaults (fsync, synchronous_commit off); true: durable commits as in production. */
    @Param("false")
    public boolean durable;

    BulkDatabase database;
    BulkTargets bulk;
    LegacyBulkTargets legacy;
    byte[] csv;
    byte[] naiveCsv;
    UUID caseId;
    byte[] copyText;
    String[] copyRows;

    @Setup(Level.Trial)
    public void start() {
        database = new BulkDatabase(durable);
        bulk = new BulkTargets(database.dataSource(), ROWS, Clock.systemUTC());
        legacy = new LegacyBulkTargets(database.dataSource(), ROWS, Clock.systemUTC());
        csv = BulkCsv.csv(ROWS);
        naiveCsv = BulkCsv.csv(NAIVE_ROWS);
        copyRows = BulkCsv.copyRows(ROWS);
    }

    @Setup(Level.Invocation)
    public void freshCase() {
        caseId = database.freshCase();
        copyText = BulkCsv.copyText(copyRows, caseId.toString());
    }

    @TearDown(Level.Trial)
    public void stop() {
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public BulkTargets.Result streaming() {
        return bulk.upload(caseId.toString(), HOLDER, new ByteArrayInputStream(csv), BulkTargets.Format.CSV);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public BulkTargets.Result streamingLegacy() {
        return legacy.upload(caseId.toString(), HOLDER, new ByteArrayInputStream(csv), BulkTargets.Format.CSV);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long copy() throws SQLException, IOException {
        try (Connection c = database.dataSource().getConnection()) {
            return c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy notice_target (notice_id, position, type, url, account_id) from stdin",
                            new ByteArrayInputStream(copyText));
        }
    }

    @Benchmark
    @OperationsPerInvocation(NAIVE_ROWS)
    public long naive() throws SQLException, IOException {
        long stored = 0;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("insert into notice_target "
                        + "(notice_id, position, type, url, account_id) values (?, ?, 'URL', ?, ?)");
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(new ByteArrayInputStream(naiveCsv), StandardCharsets.UTF_8))) {
            c.setAutoCommit(true);
            lines.readLine();
            int position = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(",", 2);
                if (!TargetUrl.isValid(fields[0])) {
                    continue;
                }
                insert.setObject(1, caseId);
                insert.setInt(2, position++);
                insert.setString(3, TargetUrl.canonical(fields[0]));
                insert.setString(4, fields.length == 2 ? fields[1] : null);
                stored += insert.executeUpdate();
            }
        }
        return stored;
    }
}
