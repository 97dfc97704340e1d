package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * DSA Art. 15(1)(b)–(d) figures for the UTC days {@code from}..{@code to} (both included), computed from the ledger
 * alone. Times are hours, null when nothing was timed. Each figure is anchored on the day its own event happened: a
 * notice counts in the period it arrived, a decision in the period it was taken.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransparencyReport(
        LocalDate from,
        LocalDate to,
        Notices notices,
        Decisions decisions,
        Complaints complaints,
        CounterNotices counterNotices) {

    /** Category not given in the notice. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    /**
     * Notices received (Art. 15(1)(b)), whatever became of them: joined to an open case or logged but not processed
     * for a suspended notifier are counted too, and split out by {@code byDisposition}.
     *
     * @param byCategory the first right claimed, a {@code ClaimType} ({@code OTHER_ILLEGAL} for a value recorded
     *                   before the vocabulary that is none of it)
     * @param bySource   the notifier type; trusted flaggers are also counted on their own
     * @param byProfile  a notice filed under two jurisdiction profiles counts once in each
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Notices(
            long total,
            long fromTrustedFlaggers,
            SortedMap<String, Long> byCategory,
            SortedMap<String, Long> bySource,
            SortedMap<String, Long> byProfile,
            SortedMap<String, Long> byDisposition) {}

    /**
     * First-instance decisions (a case's first ACCEPT or REJECT) taken in the period. {@code withAction}: the case has
     * had a measure applied (a decision overturned on second review has none). {@code automated}: decided by an
     * automated actor. {@code actions}: cases whose first measure was published in the period, timed from receipt.
     * {@code removals}: cases whose first measure the platform confirmed in effect in the period (by the platform's
     * time), timed from receipt: the time to removal, since a published measure has removed nothing yet.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Decisions(
            long total,
            long withAction,
            long withoutAction,
            long automated,
            Double medianHoursToDecision,
            long actions,
            Double medianHoursToAction,
            long removals,
            Double medianHoursToRemoval) {}

    /** Internal complaints (Art. 20) filed in the period; appeals decided in it, timed from their filing. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Complaints(long filed, long decided, long reversed, Double medianHoursToDecide) {}

    /** Counter-notices filed and measures lifted (restorations) in the period. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CounterNotices(long filed, long measuresLifted, long casesRestored) {}
}
