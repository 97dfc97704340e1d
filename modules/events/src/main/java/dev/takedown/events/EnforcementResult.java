package dev.takedown.events;

import java.time.Instant;

/**
 * What a platform's enforcement adapter answers on {@link Topics#ENFORCEMENT_RESULTS} to a command on
 * {@link Topics#MEASURES} ({@link MeasureApplied}: enforce it; {@link MeasureLifted}: undo it). Each answer echoes the
 * command's measure id and version, so that an answer to an older command never confirms a newer one, and carries
 * the platform's own time of the act: that is the time a court is told. These records come from outside the
 * application: the record key is the measure id, the CloudEvents type in {@code ce_type} says which answer it is, and
 * the record is signed with the platform's key ({@link InboundSignatures}).
 */
public sealed interface EnforcementResult permits MeasureEnforced, EnforcementFailed, LiftEnforced {

    String measureId();

    /** The {@code version} of the command answered. */
    Long version();

    /** When the platform acted (or gave up), by its own clock. */
    Instant at();

    /** The answer's record class for a {@code ce_type}; null for a type that is no answer. */
    static Class<? extends EnforcementResult> typeOf(String ceType) {
        if (MeasureEnforced.TYPE.equals(ceType)) {
            return MeasureEnforced.class;
        }
        if (EnforcementFailed.TYPE.equals(ceType)) {
            return EnforcementFailed.class;
        }
        if (LiftEnforced.TYPE.equals(ceType)) {
            return LiftEnforced.class;
        }
        return null;
    }
}
