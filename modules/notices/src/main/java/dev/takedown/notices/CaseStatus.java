package dev.takedown.notices;

/** Where a case stands (legal-requirements §7.1, the part the first lifecycle covers). */
public enum CaseStatus {
    RECEIVED,
    UNDER_REVIEW,
    ESCALATED,
    DECIDED_ACTION,
    DECIDED_NO_ACTION,
    MEASURE_APPLIED,
    CLOSED,
    CLOSED_INCOMPLETE
}
