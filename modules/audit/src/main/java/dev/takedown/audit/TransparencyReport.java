package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * DSA Art. 15(1)(a)–(e) and Art. 24(1)–(2) figures for the UTC days {@code from}..{@code to} (both included), with the
 * breakdowns of the Commission's implementing regulation's templates, computed from the ledger alone except the
 * number of active recipients, which only the platform knows. Times are hours, null when nothing was timed. Each
 * figure is anchored on the day its own event happened: a notice counts in the period it arrived, a decision in the
 * period it was taken. Categories are the claim-type vocabulary, never text a notifier typed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransparencyReport(
        LocalDate from,
        LocalDate to,
        Notices notices,
        Decisions decisions,
        Complaints complaints,
        CounterNotices counterNotices,
        Orders orders,
        NoticeActions noticeActions,
        OwnInitiative ownInitiative,
        SortedMap<String, Long> complaintsBySubject,
        AutomatedMeans automatedMeans,
        OutOfCourt outOfCourt,
        Suspensions suspensions,
        ActiveRecipients activeRecipients) {

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
     * time), timed from receipt: the time to removal, since a published measure has removed nothing yet. An account
     * measure of the repeat-infringer policy is no decision's measure: it counts under {@link Suspensions}.
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

    /**
     * Counter-notices filed and measures lifted in the period; the end of an account measure of the repeat-infringer
     * policy is a reinstatement of the account, not a lift of a decision's measure, and is not among them.
     *
     * @param liftedByCause the lifts by {@code LiftCause}; those recorded before lifts named one under
     *                      {@link #CAUSE_NOT_RECORDED}, so that they add up to {@code measuresLifted}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CounterNotices(
            long filed, long measuresLifted, long casesRestored, SortedMap<String, Long> liftedByCause) {

        public static final String CAUSE_NOT_RECORDED = "NOT_RECORDED";
    }

    /**
     * Art. 15(1)(a): orders of Member State authorities (notices whose notifier a competent-authority registry entry
     * confirmed) received in the period, by the category of the right claimed; the median time to give them effect
     * (the case's first measure, for orders given effect in the period).
     *
     * @param byMemberState the orders received by the EU or EEA state of their authority, as the Commission's template
     *                      breaks them down; {@link #UNSPECIFIED}: an authority outside the EU and EEA, or an order
     *                      recorded before orders named it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Orders(
            long received,
            SortedMap<String, Long> byCategory,
            SortedMap<String, Long> byMemberState,
            long givenEffect,
            Double medianHoursToEffect) {}

    /**
     * Art. 15(1)(b): first-instance decisions with action taken in the period, by the basis they were taken on
     * ({@code LAW}: a right the law protects was claimed; {@code TERMS}: the terms of service alone, {@code TOS_ONLY}),
     * and those on trusted flaggers' notices.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NoticeActions(SortedMap<String, Long> byBasis, long onTrustedFlaggersNotices) {}

    /**
     * Art. 15(1)(c): moderation at the platform's own initiative. Content restrictions here follow a notice or an
     * order, so {@code measuresWithoutNotice} counts measures applied in the period on cases the ledger holds no notice
     * for; the own-initiative account measures are the repeat-infringer policy's (Art. 23(1)), by kind
     * ({@code WARNED}, {@code SUSPENDED}, {@code TERMINATED}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OwnInitiative(long measuresWithoutNotice, SortedMap<String, Long> accountMeasures, String method) {}

    /**
     * Art. 15(1)(e): automated means. {@code decisions}: first-instance decisions an automated actor took.
     * {@code errorRate}: of the complaints decided in the period against such a decision, the share reversed.
     * {@code accuracy}: of the prompts the screening replay suites replayed to verify a model remediation in the
     * period, the share still blocked. Each with the method that computes it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AutomatedMeans(
            long decisions,
            long complaintsDecided,
            long complaintsReversed,
            Double errorRate,
            String errorRateMethod,
            long promptsBlocked,
            long promptsGenerated,
            Double accuracy,
            String accuracyMethod) {}

    /**
     * Art. 24(1)(a): disputes referred to certified out-of-court bodies (Art. 21) in the period, those the bodies
     * ended in it by outcome ({@code UPHELD}, {@code OVERTURNED}, {@code SETTLED}, {@code DISCONTINUED}) with the
     * median days from referral, and the body decisions implemented in it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutOfCourt(
            long referred, SortedMap<String, Long> decidedByOutcome, Double medianDaysToDecision, long implemented) {}

    /**
     * Art. 24(1)(b): Art. 23 suspensions and terminations imposed in the period, by kind of party: {@code NOTIFIER}
     * (manifestly unfounded notices, Art. 23(2)) and {@code UPLOADER} (manifestly illegal content, Art. 23(1)).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suspensions(SortedMap<String, Long> suspended, SortedMap<String, Long> terminated) {}

    /**
     * Art. 24(2): the average monthly active recipients in the Union over the months of the period the platform
     * reported ({@code takedown.audit.reports.active-recipients}); null when it reported none of them. The months it
     * did not report are named, not guessed.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ActiveRecipients(
            Double averageMonthly, List<String> monthsReported, List<String> monthsMissing, String method) {}
}
