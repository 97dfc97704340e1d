package dev.takedown.remediation;

/** Where a model remediation stands: the owner's turn, the replay's turn, or done. */
public enum RemediationStatus {
    AWAITING_OWNER, VERIFYING, VERIFIED
}
