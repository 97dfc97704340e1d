package dev.takedown.measures;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The strike ledger of the repeat-infringer policy (17 U.S.C. 512(i); GenAI Measures Art. 14(2); DSA Art. 23(1)): one
 * strike per case with applied measures against an account, weighted by the gravest measure (its gravity), expiring
 * after {@code expiry}; a strike is removed when its measures are lifted after a counter-notice or a reversed appeal.
 * What the strikes lead to (a warning first, then a suspension, termination only after a suspension) is the misuse
 * module's ladder ({@code misuse.StrikeLadder}, the other settings under {@code takedown.strikes}).
 *
 * @param weights weight of a strike by measure type (default 1)
 */
@ConfigurationProperties("takedown.strikes")
public record StrikePolicy(Duration expiry, Map<MeasureType, Integer> weights) {

    public StrikePolicy {
        expiry = expiry == null ? Duration.ofDays(365) : expiry;
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    public int weightOf(MeasureType type) {
        return weights.getOrDefault(type, 1);
    }
}
