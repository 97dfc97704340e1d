package dev.takedown.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The accept → enforced driver runs once, briefly, on a real KRaft broker: both screening nodes enforce every measure
 * of the base, the samples and a small burst, and the figures are finite. No timing goal is asserted here (the full
 * run is {@code -Plong}; figures in docs/benchmarks.md).
 */
class EnforcementLatencySmokeTest {

    @Test
    void bothNodesEnforceEveryMeasureAndTheRawPeerReceivesEveryRecord() throws Exception {
        EnforcementLatency.Report report = EnforcementLatency.run(20, 2, 10, Duration.ofMillis(5), 200);
        assertThat(report.enforcedPerNode()).containsExactly(232, 232);
        assertThat(report.enforcedP99()).isPositive().isLessThan(30_000);
        assertThat(report.rawP99()).isPositive().isLessThan(30_000);
        assertThat(report.burstEnforcedMillis()).isPositive();
        assertThat(report.burstRawMillis()).isPositive();
    }
}
