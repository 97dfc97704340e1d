package dev.takedown.measures.internal;

import dev.takedown.events.EnforcementFailed;
import dev.takedown.measures.EnforcementStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The platform's side of a measure: its last command and what the platform answered to it. */
@Entity
@Table(name = "measure_enforcement")
public class Enforcement {

    @Id
    private UUID measureId;

    /** The measure's version the last command carried; answers must echo it. */
    private long commandVersion;

    @Enumerated(EnumType.STRING)
    private EnforcementStatus state;

    private Instant requestedAt;
    private int attempts;

    /** When the platform put the measure into effect, by its clock; kept after a lift, for the record. */
    private Instant enforcedAt;

    private Instant liftEnforcedAt;

    @Enumerated(EnumType.STRING)
    private EnforcementFailed.Reason failure;

    private String failureDetail;
    private Instant answeredAt;
    private String platform;

    @Version
    private long version;

    protected Enforcement() {}

    public Enforcement(UUID measureId) {
        this.measureId = measureId;
    }

    /**
     * A command of a newer version was published; false for one already requested (a command published again).
     *
     * @param lift the command undoes the measure
     */
    public boolean request(long commandVersion, boolean lift, Instant at) {
        if (state != null && commandVersion <= this.commandVersion) {
            return false;
        }
        this.commandVersion = commandVersion;
        this.state = lift ? EnforcementStatus.LIFT_REQUESTED : EnforcementStatus.REQUESTED;
        this.requestedAt = at;
        this.attempts = 1;
        this.failure = null;
        this.failureDetail = null;
        return true;
    }

    public void sentAgain() {
        attempts++;
    }

    public void enforced(Instant platformAt, String platform, Instant now) {
        answered(platform, now);
        state = EnforcementStatus.ENFORCED;
        enforcedAt = platformAt;
    }

    public void liftEnforced(Instant platformAt, String platform, Instant now) {
        answered(platform, now);
        state = EnforcementStatus.LIFT_ENFORCED;
        liftEnforcedAt = platformAt;
    }

    public void failed(EnforcementFailed.Reason reason, String detail, String platform, Instant now) {
        answered(platform, now);
        state = isLift() ? EnforcementStatus.LIFT_FAILED : EnforcementStatus.FAILED;
        failure = reason;
        failureDetail = detail;
    }

    /** Unconfirmed past its deadline; a confirmation that comes later still counts. */
    public void overdue() {
        if (!state.isConfirmed()) {
            state = isLift() ? EnforcementStatus.LIFT_OVERDUE : EnforcementStatus.OVERDUE;
        }
    }

    private void answered(String platform, Instant now) {
        this.platform = platform;
        this.answeredAt = now;
        this.failure = null;
        this.failureDetail = null;
    }

    public boolean isLift() {
        return state.isLift();
    }

    public UUID getMeasureId() {
        return measureId;
    }

    public long getCommandVersion() {
        return commandVersion;
    }

    public EnforcementStatus getState() {
        return state;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getEnforcedAt() {
        return enforcedAt;
    }

    public Instant getLiftEnforcedAt() {
        return liftEnforcedAt;
    }

    public EnforcementFailed.Reason getFailure() {
        return failure;
    }

    public String getFailureDetail() {
        return failureDetail;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getPlatform() {
        return platform;
    }
}
