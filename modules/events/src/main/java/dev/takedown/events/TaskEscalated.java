package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A review task missed its deadline and moved to the senior moderators' queue. */
@EventType(value = "dev.takedown.task.escalated.v1", topic = Topics.TASKS)
public record TaskEscalated(UUID eventId, Instant occurredAt, String caseId, String actor, String toGroup)
        implements TakedownEvent {
}
