package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A measure no longer applies (restored after a counter-notice, reversed on appeal, or lifted by a moderator). */
@EventType(value = "dev.takedown.measure.lifted.v1", topic = Topics.MEASURES)
public record MeasureLifted(
        UUID eventId, Instant occurredAt, String caseId, String actor, String measureId, String reason)
        implements TakedownEvent {

    @Override
    public String key() {
        return measureId;
    }
}
