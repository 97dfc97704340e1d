package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The rights holder withdrew its notice; measures taken on it are lifted. */
@EventType(value = "dev.takedown.notice.retracted.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeRetracted(UUID eventId, Instant occurredAt, String caseId, String actor) implements TakedownEvent {}
