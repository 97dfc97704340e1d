package dev.takedown.audit;

/**
 * Where a case stands as far as the ledger shows, checked in this order: not processed (suspended notifier) or
 * joined to another case at intake; an appeal filed and not yet decided; every applied measure lifted (restored);
 * a measure in effect; last decided against action (rejected, or overturned on second review); accepted with its
 * measures not yet in effect; otherwise still open.
 */
public enum CaseState {
    NOT_PROCESSED,
    JOINED,
    APPEALED,
    RESTORED,
    ACTION_TAKEN,
    NO_ACTION,
    ACCEPTED,
    OPEN
}
