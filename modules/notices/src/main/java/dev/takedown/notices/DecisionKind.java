package dev.takedown.notices;

/** Which review of a case a decision closes. */
public enum DecisionKind {
    /** The first review of the notice (ordinary or escalated). */
    REVIEW,
    /** The second reviewer on a high-impact measure (four-eyes). */
    CONFIRMATION,
    /** An internal complaint against the decision (DSA Art. 20). */
    APPEAL
}
