package dev.takedown.remediation;

import java.util.Set;

/**
 * Where a model remediation stands: the owner's turn, a moderator's (the change would widen a filter), the replay's,
 * done, or withdrawn with its measures.
 */
public enum RemediationStatus {
    AWAITING_OWNER,
    AWAITING_APPROVAL,
    VERIFYING,
    VERIFIED,
    WITHDRAWN;

    /** Not yet verified nor withdrawn: the owner's list shows these, the due date runs for these. */
    public static final Set<RemediationStatus> OPEN = Set.of(AWAITING_OWNER, AWAITING_APPROVAL, VERIFYING);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
