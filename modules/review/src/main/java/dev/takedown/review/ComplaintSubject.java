package dev.takedown.review;

/** What a complaint (DSA Art. 20(1)) is against, which decides who may file it. */
public enum ComplaintSubject {
    /** A decision to take no action on a notice: the notifier's. */
    NO_ACTION,
    /** A decision to apply measures: the uploader's. */
    MEASURE,
    /** A decision on an earlier complaint: either party's. */
    APPEAL_DECISION,
    /** A suspension for misuse (DSA Art. 23): the suspended notifier's or uploader's. */
    SUSPENSION
}
