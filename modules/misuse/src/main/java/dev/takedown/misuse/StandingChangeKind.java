package dev.takedown.misuse;

/** What happened to a party's standing; each is a ledger fact and a message to the party. */
public enum StandingChangeKind {
    WARNED,
    SUSPENDED,
    /** The suspension ended by itself at its end date. */
    REINSTATED,
    /** A compliance officer ended the suspension early, with reasons. */
    LIFTED,
    /** A complaint (DSA Art. 20) reversed the suspension or termination. */
    REVERSED,
    TERMINATED
}
