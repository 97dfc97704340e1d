package dev.takedown.bench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each audit benchmark operation runs once and does its work; no timing here. */
class AuditBenchmarkSmokeTest {

    @Test
    void appendOperationsAppendEveryRecord() throws Exception {
        AppendBenchmark bench = new AppendBenchmark();
        bench.start();
        try {
            assertThat(bench.batched()).isEqualTo(AppendBenchmark.BATCH);
            assertThat(bench.oneRecordPerTransaction()).isEqualTo(AppendBenchmark.BATCH);
        } finally {
            bench.stop();
        }
    }

    @Test
    void verifyOperationsHashTheSameRecords() throws Exception {
        VerifyBenchmark bench = new VerifyBenchmark();
        bench.build();
        assertThat(bench.verifyChain()).matches("[0-9a-f]{64}");
        assertThat(bench.rawSha256()).hasSize(32);
    }
}
