package dev.takedown.bench.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.takedown.notices.BulkTargets;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each bulk peer runs once on a small upload and stores what it should; no timing here. */
class BulkBenchmarkSmokeTest {

    static BulkTargetsBenchmark bench;

    @BeforeAll
    static void start() {
        bench = new BulkTargetsBenchmark();
        bench.start();
    }

    @AfterAll
    static void stop() {
        bench.stop();
    }

    @Test
    void streamingCopyAndNaiveEachStoreTheRows() throws Exception {
        bench.freshCase();
        BulkTargets.Result result = bench.streaming();
        int rows = BulkTargetsBenchmark.ROWS;
        assertThat(result.malformed()).isEqualTo(rows / 20);
        assertThat(result.accepted()).isEqualTo(BulkCsv.expectedAccepted(rows));
        assertThat(result.duplicates()).isEqualTo(rows / 5);
        assertThat(bench.database.targets(bench.caseId)).isEqualTo(result.accepted());

        bench.freshCase();
        assertThat(bench.streamingLegacy())
                .as("the legacy peer stores the same")
                .isEqualTo(result);

        bench.freshCase();
        assertThat(bench.copy()).isEqualTo(rows - rows / 20);

        bench.freshCase();
        assertThat(bench.naive()).isEqualTo(BulkTargetsBenchmark.NAIVE_ROWS - BulkTargetsBenchmark.NAIVE_ROWS / 20);
    }

    @Test
    void anUploadOverTheLimitStoresNothing() {
        BulkTargets small = new BulkTargets(bench.database.dataSource(), 3, Clock.systemUTC());
        var caseId = bench.database.freshCase();
        byte[] csv = "https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\nhttps://a.example/4\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.upload(
                        caseId.toString(),
                        BulkTargetsBenchmark.HOLDER,
                        new ByteArrayInputStream(csv),
                        BulkTargets.Format.CSV))
                .isInstanceOf(BulkTargets.TooManyRowsException.class);
        assertThat(bench.database.targets(caseId)).isZero();
    }

    @Test
    void bothTokenizersOfTheComparisonFindTheSameFields() {
        byte[] csv = BulkCsv.csv(BulkTargetsBenchmark.ROWS);
        assertThat(BulkComparison.commonsCsv(csv))
                .isEqualTo(BulkComparison.handWritten(csv))
                .isGreaterThan(BulkTargetsBenchmark.ROWS);
    }

    @Test
    void quotedFieldsLongLinesAndTsvAreParsed() {
        var caseId = bench.database.freshCase();
        String csv = "\"https://a.example/x?a=1,2\",\"acc \"\"7\"\"\"\n" + "\"https://a.example/open\n"
                + "https://a.example/" + "y".repeat(9000) + "\n\n" + "https://a.example/ok,acc,extra\n";
        BulkTargets bulk = new BulkTargets(bench.database.dataSource(), 10, Clock.systemUTC());
        BulkTargets.Result result = bulk.upload(
                caseId.toString(),
                BulkTargetsBenchmark.HOLDER,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                BulkTargets.Format.CSV);
        assertThat(result.accepted()).isEqualTo(1);
        // RFC 4180: the quote left open on line 2 takes line 3 into its row, which is then too long
        assertThat(result.errors())
                .extracting(BulkTargets.RowError::row, BulkTargets.RowError::message)
                .containsExactly(
                        tuple(2L, "row longer than 8192 characters (lines 2 to 3)"),
                        tuple(5L, "expected url[,account_id], found 3 fields"));
    }
}
