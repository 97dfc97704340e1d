package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A measure no longer applies (restored after a counter-notice, reversed on appeal, or lifted by a moderator). A lift
 * is final: this record stays the compacted value of the measure's key, never a tombstone.
 *
 * @param version the measure's state version, higher than that of its {@link MeasureApplied}; null only in records
 *                written before versions existed
 * @param cause   why, a {@link LiftCause} name; null only in records written before causes existed
 * @param type    the measure's type, as in its {@link MeasureApplied}; null in records written before lifts named it
 * @param targetUrl the target it restricted, as in its {@link MeasureApplied}; null for a filter
 * @param accountId the account an account measure acted on, as in its {@link MeasureApplied}
 * @param standingChangeId as in its {@link MeasureApplied}: set when the lift follows the account's standing (the
 *                  suspension ended or was reversed), which the standing's own message tells the account
 */
@EventType(value = "dev.takedown.measure.lifted.v1", topic = Topics.MEASURES)
public record MeasureLifted(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String measureId,
        String reason,
        Long version,
        String cause,
        String type,
        String targetUrl,
        String accountId,
        String standingChangeId)
        implements TakedownEvent {

    public MeasureLifted(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String measureId,
            String reason,
            Long version,
            String cause) {
        this(eventId, occurredAt, caseId, actor, measureId, reason, version, cause, null, null, null, null);
    }

    public MeasureLifted(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String measureId,
            String reason,
            Long version) {
        this(eventId, occurredAt, caseId, actor, measureId, reason, version, null);
    }

    public MeasureLifted(
            UUID eventId, Instant occurredAt, String caseId, String actor, String measureId, String reason) {
        this(eventId, occurredAt, caseId, actor, measureId, reason, null);
    }

    @Override
    public String key() {
        return measureId;
    }
}
