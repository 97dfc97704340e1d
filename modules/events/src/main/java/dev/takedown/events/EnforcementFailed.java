package dev.takedown.events;

import java.time.Instant;

/**
 * The platform could not carry out the command (a measure or its lift).
 *
 * @param detail the platform's own words, for the moderator who follows up; optional
 */
public record EnforcementFailed(String measureId, Long version, Reason reason, Instant failedAt, String detail)
        implements EnforcementResult {

    public static final String TYPE = "dev.takedown.enforcement.failed.v1";

    /** Why; only {@link #TRANSIENT} is worth sending the command again. */
    public enum Reason {
        /** The target does not exist on the platform. */
        NOT_FOUND,
        /** The content was gone before the command came (by the uploader or another case). */
        ALREADY_REMOVED,
        /** The platform may not or will not act (a legal hold, another jurisdiction). */
        NOT_PERMITTED,
        /** A passing failure (a storage node down): the platform expects the command again. */
        TRANSIENT
    }

    @Override
    public Instant at() {
        return failedAt;
    }
}
