package dev.takedown.misuse.internal;

import dev.takedown.misuse.Assessment;
import dev.takedown.misuse.MisuseRule;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The weighing of DSA Art. 23(3) and the steps it leads to, as pure functions of the party's findings and the rule.
 * Findings count for a step only once: those since the party's last step, within the window; the proportion is taken
 * over the whole window. The first step is always a warning, so no single finding, however grave, suspends.
 */
public final class Ladder {

    /** A finding of misuse (a manifestly unfounded notice, manifestly illegal content). */
    public record Finding(int gravity, boolean intentional, Instant at) {}

    private Ladder() {}

    /**
     * @param findings the party's findings within the window, not withdrawn
     * @param activity the party's notices (or notices naming its content) within the window
     * @param lastStep when the party's standing last changed; findings before it were weighed already
     */
    public static Assessment assess(MisuseRule rule, List<Finding> findings, int activity, Instant lastStep) {
        int count = 0;
        int score = 0;
        int intentional = 0;
        for (Finding finding : findings) {
            if (lastStep != null && !finding.at().isAfter(lastStep)) {
                continue;
            }
            count++;
            score += Math.max(1, finding.gravity()) * (finding.intentional() ? rule.intentFactor() : 1);
            intentional += finding.intentional() ? 1 : 0;
        }
        // a finding is always also activity; an old finding recorded before activity was counted still counts
        int total = Math.max(activity, findings.size());
        return new Assessment(count, total, findings.size(), score, rule.threshold(), intentional, rule.window());
    }

    public static boolean warrantsAStep(MisuseRule rule, Assessment assessment) {
        return assessment.misuseCount() >= rule.minCount()
                && assessment.share() >= rule.minShare()
                && assessment.weightedScore() >= rule.threshold();
    }

    /**
     * The step from {@code status}: a warning first; then a suspension; after {@code terminateAfterSuspensions}
     * suspensions (when the rule terminates at all) termination. Nothing while suspended or terminated.
     */
    public static Optional<StandingChangeKind> next(StandingStatus status, int suspensions, MisuseRule rule) {
        return switch (status) {
            case GOOD_STANDING -> Optional.of(StandingChangeKind.WARNED);
            case WARNED ->
                Optional.of(
                        rule.terminateAfterSuspensions() > 0 && suspensions >= rule.terminateAfterSuspensions()
                                ? StandingChangeKind.TERMINATED
                                : StandingChangeKind.SUSPENDED);
            case SUSPENDED, TERMINATED -> Optional.empty();
        };
    }
}
