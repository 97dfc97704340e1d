package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A review task approaches its due date without a decision. */
@EventType(value = "dev.takedown.task.reminder-due.v1", topic = Topics.TASKS)
public record TaskReminderDue(UUID eventId, Instant occurredAt, String caseId, String actor) implements TakedownEvent {}
