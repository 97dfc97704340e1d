package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A review task was completed with a decision. */
@EventType(value = "dev.takedown.task.completed.v1", topic = Topics.TASKS)
public record TaskCompleted(UUID eventId, Instant occurredAt, String caseId, String actor, String taskId)
        implements TakedownEvent {}
