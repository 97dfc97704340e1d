package dev.takedown.misuse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DSA Art. 23(1) and the repeat-infringer policy (17 U.S.C. 512(i); GenAI Measures Art. 14(2)): an uploader account
 * whose content is frequently found manifestly illegal is warned, then suspended, and after
 * {@code terminateAfterSuspensions} suspensions terminated. The strikes themselves, weighted by the gravest measure
 * (gravity, {@code takedown.strikes.weights}), are the measures module's ledger; {@code expiry} is the window here
 * and how long a strike counts there.
 */
@ConfigurationProperties("takedown.strikes")
public record StrikeLadder(
        Duration expiry,
        Integer minCount,
        Double minShare,
        Integer threshold,
        Integer intentFactor,
        Duration suspension,
        Integer terminateAfterSuspensions) {

    public StrikeLadder {
        expiry = expiry == null ? Duration.ofDays(365) : expiry;
        minCount = minCount == null ? 1 : minCount;
        minShare = minShare == null ? 0.5 : minShare;
        threshold = threshold == null ? 2 : threshold;
        intentFactor = intentFactor == null ? 2 : intentFactor;
        suspension = suspension == null ? Duration.ofDays(14) : suspension;
        terminateAfterSuspensions = terminateAfterSuspensions == null ? 1 : terminateAfterSuspensions;
        rule(expiry, minCount, minShare, threshold, intentFactor, suspension, terminateAfterSuspensions);
    }

    public MisuseRule rule() {
        return rule(expiry, minCount, minShare, threshold, intentFactor, suspension, terminateAfterSuspensions);
    }

    private static MisuseRule rule(
            Duration window,
            int minCount,
            double minShare,
            int threshold,
            int intentFactor,
            Duration suspension,
            int terminateAfterSuspensions) {
        return new MisuseRule(
                window, minCount, minShare, threshold, intentFactor, suspension, terminateAfterSuspensions);
    }
}
