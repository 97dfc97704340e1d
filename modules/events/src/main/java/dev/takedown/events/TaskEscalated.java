package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A review task moved to the senior moderators' queue: its deadline passed ({@code actor} is the system, no reason)
 * or a moderator escalated it with a reason.
 */
@EventType(value = "dev.takedown.task.escalated.v1", topic = Topics.TASKS)
public record TaskEscalated(
        UUID eventId, Instant occurredAt, String caseId, String actor, String toGroup, String reason)
        implements TakedownEvent {}
