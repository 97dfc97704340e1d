package dev.takedown.misuse;

import java.time.Duration;

/**
 * How one kind of party's misuse is weighed (DSA Art. 23(3)). A step is taken when, within {@code window} and since
 * the party's last step, at least {@code minCount} findings were made, they are at least {@code minShare} of what the
 * party did in the window, and their weighted score (gravity, times {@code intentFactor} when a moderator found
 * intent) reaches {@code threshold}. The first step is always a warning.
 *
 * @param suspension                how long a suspension lasts (demo time compression shortens it)
 * @param terminateAfterSuspensions after this many suspensions in the window the next step terminates; 0 never
 */
public record MisuseRule(
        Duration window,
        int minCount,
        double minShare,
        int threshold,
        int intentFactor,
        Duration suspension,
        int terminateAfterSuspensions) {

    public MisuseRule {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the misuse window must be positive");
        }
        if (suspension == null || suspension.isNegative() || suspension.isZero()) {
            throw new IllegalArgumentException("a suspension must last some time");
        }
        if (minCount < 1 || threshold < 1 || intentFactor < 1) {
            throw new IllegalArgumentException("min-count, threshold and intent-factor are at least 1");
        }
        if (minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("min-share is a proportion from 0 to 1");
        }
        if (terminateAfterSuspensions < 0) {
            throw new IllegalArgumentException("terminate-after-suspensions is 0 (never) or more");
        }
    }
}
