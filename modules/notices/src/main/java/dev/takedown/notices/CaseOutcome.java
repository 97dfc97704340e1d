package dev.takedown.notices;

/** What a case's decisions came to, as the parties are told: something was done about the content, or nothing. */
public enum CaseOutcome {
    ACTION_TAKEN,
    NO_ACTION;

    /** The outcome after a decision turned this one around. */
    public CaseOutcome reversed() {
        return this == ACTION_TAKEN ? NO_ACTION : ACTION_TAKEN;
    }
}
