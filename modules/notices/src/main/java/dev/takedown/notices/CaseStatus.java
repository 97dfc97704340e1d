package dev.takedown.notices;

/** Where a case stands (legal-requirements §7.1). */
public enum CaseStatus {
    /** A logged-out notifier's notice, stored as received, waiting until the notifier confirms its e-mail address. */
    AWAITING_CONFIRMATION,
    RECEIVED,
    INCOMPLETE_CURE,
    JOINED,
    LOGGED_NOT_PROCESSED,
    UNDER_REVIEW,
    ESCALATED,
    AWAITING_SECOND_REVIEW,
    DECIDED_ACTION,
    DECIDED_NO_ACTION,
    /** The measures were published to the platform; nothing is removed before the platform confirms it. */
    MEASURE_APPLIED,
    /** The platform confirmed every measure of the case in effect: the content is removed. */
    MEASURE_ENFORCED,
    NOTIFIED,
    COUNTER_NOTICE_FORWARDED,
    MAINTAINED_PENDING_PROCEEDINGS,
    RESTORED,
    RETRACTED,
    APPEAL_REVIEW,
    APPEAL_UPHELD,
    APPEAL_REVERSED,
    CLOSED,
    CLOSED_INCOMPLETE,
    /** Nobody confirmed the address of a logged-out notifier's notice before the link expired: never processed. */
    CLOSED_UNCONFIRMED,
    /** Closed after the model owner's remediation passed its replay verification (AIGC Interim Measures Art. 14). */
    CLOSED_REMEDIED;

    /** A case that can still change: new notices on its targets join it (not one that waits for confirmation). */
    public boolean isOpen() {
        return switch (this) {
            case AWAITING_CONFIRMATION,
                    JOINED,
                    LOGGED_NOT_PROCESSED,
                    RESTORED,
                    RETRACTED,
                    CLOSED,
                    CLOSED_INCOMPLETE,
                    CLOSED_UNCONFIRMED,
                    CLOSED_REMEDIED -> false;
            default -> true;
        };
    }
}
