package dev.takedown.notices;

/** The statutory and policy deadlines a case can have running. */
public enum DeadlineKind {
    /** T2: the notifier completes an incomplete notice by then, or the case closes incomplete. */
    CURE,
    /** T3: the review is decided by then, or it goes to the senior moderators. */
    REVIEW,
    /** An escalated review is decided by then, or compliance is alerted. */
    ESCALATED_REVIEW,
    /** The second reviewer of a high-impact measure decides by then, or compliance is alerted. */
    CONFIRMATION,
    /** T7: a complaint is decided by then, or the senior moderators are reminded. */
    COMPLAINT_REVIEW,
    /** T6, CN: the rights holder proves a complaint or lawsuit by then, or the content is restored. */
    COUNTER_NOTICE_PROOF,
    /** T6, US: the end of business day 10: a court action notified before it keeps the measure, else restored. */
    RESTORE_WINDOW_OPENS,
    /** T6: the content is restored by then at the latest (US: the end of business day 14), or compliance acts. */
    RESTORE_DEADLINE,
    /** T5: a party may complain against a decision that affects it until then (DSA Art. 20(1)). */
    COMPLAINT_WINDOW,
    /** T10: a suspension for misuse ends then and the party is reinstated by itself (DSA Art. 23(1)). */
    SUSPENSION_END
}
