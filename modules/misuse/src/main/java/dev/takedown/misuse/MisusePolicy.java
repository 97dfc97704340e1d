package dev.takedown.misuse;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DSA Art. 23(2): notifiers who frequently submit manifestly unfounded notices are warned, then suspended for a
 * reasonable period. Notifiers are never terminated.
 *
 * @param gravity            weight of a manifestly unfounded notice by the right it claimed ({@code claim.right_type});
 *                           default 1
 * @param reinstatementCheck how often ended suspensions are looked for (each is reinstated and told)
 */
@ConfigurationProperties("takedown.misuse")
public record MisusePolicy(
        Duration window,
        Integer minCount,
        Double minShare,
        Integer threshold,
        Integer intentFactor,
        Duration suspension,
        Map<String, Integer> gravity,
        Duration reinstatementCheck) {

    public MisusePolicy {
        window = window == null ? Duration.ofDays(90) : window;
        minCount = minCount == null ? 2 : minCount;
        minShare = minShare == null ? 0.5 : minShare;
        threshold = threshold == null ? 3 : threshold;
        intentFactor = intentFactor == null ? 2 : intentFactor;
        suspension = suspension == null ? Duration.ofDays(30) : suspension;
        gravity = gravity == null ? Map.of() : Map.copyOf(gravity);
        reinstatementCheck = reinstatementCheck == null ? Duration.ofMinutes(1) : reinstatementCheck;
        rule(window, minCount, minShare, threshold, intentFactor, suspension);
    }

    public MisuseRule rule() {
        return rule(window, minCount, minShare, threshold, intentFactor, suspension);
    }

    /** The weight of a manifestly unfounded notice that claimed {@code rightType}. */
    public int gravityOf(String rightType) {
        return rightType == null ? 1 : Math.max(1, gravity.getOrDefault(rightType.toUpperCase(Locale.ROOT), 1));
    }

    private static MisuseRule rule(
            Duration window, int minCount, double minShare, int threshold, int intentFactor, Duration suspension) {
        return new MisuseRule(window, minCount, minShare, threshold, intentFactor, suspension, 0);
    }
}
