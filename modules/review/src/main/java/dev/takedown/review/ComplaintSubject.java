package dev.takedown.review;

/** What a complaint (DSA Art. 20(1)) is against, which decides who may file it. */
public enum ComplaintSubject {
    /** A decision to take no action on a notice: the notifier's. */
    NO_ACTION,
    /** A decision to apply measures: the uploader's. */
    MEASURE,
    /** A decision on an earlier complaint: either party's. */
    APPEAL_DECISION,
    /**
     * An Art. 23 account restriction for misuse, a suspension or a termination (DSA Art. 20(1)(c)): the restricted
     * notifier's or uploader's. Named for the suspension, the only restriction there was at first; other modules
     * filter on the name.
     */
    SUSPENSION
}
