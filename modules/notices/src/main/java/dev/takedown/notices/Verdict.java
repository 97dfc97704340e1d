package dev.takedown.notices;

/** What a moderator decided, and how that changes the case's outcome. */
public enum Verdict {
    /** The notice is founded: measures are taken. */
    ACCEPT(DecisionKind.REVIEW),
    /** The notice is not founded: nothing is done. */
    REJECT(DecisionKind.REVIEW),
    /** The second reviewer agrees with the high-impact measures. */
    CONFIRM(DecisionKind.CONFIRMATION),
    /** The second reviewer disagrees: nothing planned takes effect. */
    OVERTURN(DecisionKind.CONFIRMATION),
    /** The complaint fails: the decision stands. */
    UPHOLD(DecisionKind.APPEAL),
    /** The complaint succeeds: what was done is undone, or what was refused is done. */
    REVERSE(DecisionKind.APPEAL);

    private final DecisionKind kind;

    Verdict(DecisionKind kind) {
        this.kind = kind;
    }

    public DecisionKind kind() {
        return kind;
    }

    /** Whether the case's outcome is this verdict's doing (a confirmation or an upheld appeal keeps the earlier one). */
    public boolean decidesOutcome() {
        return this != CONFIRM && this != UPHOLD;
    }

    /** The case's outcome after this verdict, given the outcome before it ({@code null}: nothing decided yet). */
    public CaseOutcome outcomeAfter(CaseOutcome before) {
        return switch (this) {
            case ACCEPT -> CaseOutcome.ACTION_TAKEN;
            case REJECT, OVERTURN -> CaseOutcome.NO_ACTION;
            case CONFIRM, UPHOLD -> before;
            case REVERSE -> before == null ? null : before.reversed();
        };
    }
}
