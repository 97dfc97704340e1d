package dev.takedown.events;

/**
 * Why a measure stopped restricting: the vocabulary its {@link MeasureLifted} record and the statement of reasons for
 * the lift are built from, instead of text a person typed.
 */
public enum LiftCause {
    /** The statutory wait after the uploader's counter-notice ended without proof of proceedings. */
    COUNTER_NOTICE,
    /** The proceedings that kept the measure after a counter-notice were dismissed or withdrawn. */
    PROCEEDINGS,
    /** The rights holder withdrew the notice. */
    RETRACTION,
    /** An internal complaint reversed the decision (DSA Art. 20). */
    APPEAL,
    /** A certified out-of-court dispute settlement body's decision was implemented (DSA Art. 21). */
    OUT_OF_COURT,
    /** The measure reached the last day it was imposed for. */
    EXPIRY,
    /** Staff lifted it by hand. */
    BY_HAND,
    /** A wider version replaced it (a model remediation widened a filter); nothing was restored. */
    SUPERSEDED;

    /** Whether the content, account or service is available again, which the parties and the TDB are told. */
    public boolean restores() {
        return this != SUPERSEDED;
    }
}
