package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A platform's answer about a measure passed the checks (its key, the measure, the command's version) and is now the
 * measure's enforcement state. {@code actor} is the platform's principal ({@code kafka-org:<platform>}).
 *
 * @param version    the version of the command the platform answered
 * @param platformAt when the platform acted, by its clock
 * @param failure    why it could not (an {@link EnforcementFailed.Reason} name); null unless {@code outcome} is FAILED
 */
@EventType(value = "dev.takedown.measure.enforcement-recorded.v1", topic = Topics.NOTICE_EVENTS)
public record EnforcementRecorded(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String measureId,
        String measureType,
        String targetUrl,
        long version,
        Outcome outcome,
        String failure,
        Instant platformAt)
        implements TakedownEvent {

    public enum Outcome {
        /** The measure is in effect on the platform. */
        ENFORCED,
        /** The lift is carried out on the platform. */
        LIFT_ENFORCED,
        /** The platform could not carry out the command. */
        FAILED
    }
}
