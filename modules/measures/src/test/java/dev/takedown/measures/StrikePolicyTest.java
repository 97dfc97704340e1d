package dev.takedown.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrikePolicyTest {

    private final StrikePolicy policy =
            new StrikePolicy(2, 3, Duration.ofDays(365), Map.of(MeasureType.ACCOUNT_TERMINATE, 3));

    @Test
    void thresholdsCompareActiveWeight() {
        assertThat(policy.statusFor(0)).isEqualTo("GOOD_STANDING");
        assertThat(policy.statusFor(1)).isEqualTo("WARNED");
        assertThat(policy.statusFor(2)).isEqualTo("SUSPENDED");
        assertThat(policy.statusFor(3)).isEqualTo("TERMINATED");
    }

    @Test
    void gravestMeasuresWeighMore() {
        assertThat(policy.weightOf(MeasureType.ACCOUNT_TERMINATE)).isEqualTo(3);
        assertThat(policy.weightOf(MeasureType.DELETE)).isEqualTo(1);
    }

    @Test
    void suspensionMustComeBeforeTermination() {
        assertThatThrownBy(() -> new StrikePolicy(3, 3, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
