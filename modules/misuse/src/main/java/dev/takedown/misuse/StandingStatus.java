package dev.takedown.misuse;

/** Where a party stands (legal-requirements §7.1, PARTY_STATUS). */
public enum StandingStatus {
    GOOD_STANDING,
    /** Warned with reasons and redress; the next misuse suspends (DSA Art. 23(1)–(2): a prior warning). */
    WARNED,
    /** Until a date: a notifier's notices are recorded, not processed; an uploader's account is suspended. */
    SUSPENDED,
    /** An uploader account ended under the repeat-infringer policy (17 U.S.C. 512(i)), after a suspension. */
    TERMINATED
}
