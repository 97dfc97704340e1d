package dev.takedown.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrikePolicyTest {

    @Test
    void gravestMeasuresWeighMore() {
        StrikePolicy policy = new StrikePolicy(Duration.ofDays(365), Map.of(MeasureType.ACCOUNT_TERMINATE, 3));

        assertThat(policy.weightOf(MeasureType.ACCOUNT_TERMINATE)).isEqualTo(3);
        assertThat(policy.weightOf(MeasureType.DELETE)).isEqualTo(1);
    }

    @Test
    void strikesExpireAfterAYearUnlessConfigured() {
        assertThat(new StrikePolicy(null, null).expiry()).isEqualTo(Duration.ofDays(365));
    }
}
