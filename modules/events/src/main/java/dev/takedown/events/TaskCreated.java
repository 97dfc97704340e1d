package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A review task entered a moderation queue. */
@EventType(value = "dev.takedown.task.created.v1", topic = Topics.TASKS)
public record TaskCreated(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String taskId,
        String taskName,
        String candidateGroup,
        Instant dueAt,
        int priority)
        implements TakedownEvent {}
