package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator or compliance officer resolved a record that a consumer had dead-lettered: sent it again to its
 * original topic after the cause was fixed, or discarded it. Not about a case; names who did it.
 *
 * @param resolution {@code REPLAYED} or {@code DISCARDED}
 * @param note       why it was discarded; null for a replay
 */
@EventType(value = "dev.takedown.dead-letter.resolved.v1", topic = Topics.NOTICE_EVENTS)
public record DeadLetterResolved(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String deadLetterId,
        String topic,
        int partition,
        long offset,
        String resolution,
        String note)
        implements TakedownEvent {

    /** Every resolution of one dead letter on one partition. */
    @Override
    public String key() {
        return "dead-letter:" + deadLetterId;
    }
}
