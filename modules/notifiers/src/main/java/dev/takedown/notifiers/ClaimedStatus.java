package dev.takedown.notifiers;

/** A status a notice claims for its notifier: it jumps the queue and is reported apart, so it is checked. */
public enum ClaimedStatus {
    NONE,
    /** DSA Art. 22. */
    TRUSTED_FLAGGER,
    /** DSA Art. 9: an authority's order, not an Art. 16 notice. */
    AUTHORITY_ORDER
}
