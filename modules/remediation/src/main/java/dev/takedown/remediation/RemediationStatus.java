package dev.takedown.remediation;

/** Where a model remediation stands: the owner's turn, the replay's turn, done, or withdrawn with its measures. */
public enum RemediationStatus {
    AWAITING_OWNER,
    VERIFYING,
    VERIFIED,
    WITHDRAWN
}
