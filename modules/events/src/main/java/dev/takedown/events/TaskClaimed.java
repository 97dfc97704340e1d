package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A moderator took a review task. */
@EventType(value = "dev.takedown.task.claimed.v1", topic = Topics.TASKS)
public record TaskClaimed(UUID eventId, Instant occurredAt, String caseId, String actor, String taskId)
        implements TakedownEvent {}
