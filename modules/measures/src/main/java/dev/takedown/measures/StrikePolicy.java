package dev.takedown.measures;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The repeat-infringer policy (17 U.S.C. 512(i); GenAI Measures Art. 14(2); DSA Art. 23(1)): one strike per case
 * with applied measures against an account, weighted by the gravest measure, expiring after {@code expiry}; a strike
 * is removed when its measures are lifted after a counter-notice or a reversed appeal. Thresholds compare the sum of
 * active weights.
 *
 * @param weights weight of a strike by measure type (default 1)
 */
@ConfigurationProperties("takedown.strikes")
public record StrikePolicy(Integer suspendAt, Integer terminateAt, Duration expiry, Map<MeasureType, Integer> weights) {

    public StrikePolicy {
        suspendAt = suspendAt == null ? 2 : suspendAt;
        terminateAt = terminateAt == null ? 3 : terminateAt;
        expiry = expiry == null ? Duration.ofDays(365) : expiry;
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        if (suspendAt >= terminateAt) {
            throw new IllegalArgumentException("takedown.strikes.suspend-at must be below terminate-at");
        }
    }

    public int weightOf(MeasureType type) {
        return weights.getOrDefault(type, 1);
    }

    public String statusFor(int activeStrikes) {
        return activeStrikes >= terminateAt
                ? "TERMINATED"
                : activeStrikes >= suspendAt ? "SUSPENDED" : activeStrikes > 0 ? "WARNED" : "GOOD_STANDING";
    }
}
