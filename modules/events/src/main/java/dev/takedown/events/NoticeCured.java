package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The notifier completed an incomplete notice within its cure period. */
@EventType(value = "dev.takedown.notice.cured.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeCured(UUID eventId, Instant occurredAt, String caseId, String actor) implements TakedownEvent {}
