package dev.takedown.measures;

/**
 * Where the platform stands with a measure's last command: asked to enforce it (or to lift it), confirmed by the
 * platform, failed there, or unconfirmed past its deadline. Only a confirmation counts as removal (or restoration).
 */
public enum EnforcementStatus {
    REQUESTED,
    ENFORCED,
    FAILED,
    OVERDUE,
    LIFT_REQUESTED,
    LIFT_ENFORCED,
    LIFT_FAILED,
    LIFT_OVERDUE;

    public boolean isLift() {
        return name().startsWith("LIFT_");
    }

    /** The platform confirmed the command this status belongs to. */
    public boolean isConfirmed() {
        return this == ENFORCED || this == LIFT_ENFORCED;
    }
}
