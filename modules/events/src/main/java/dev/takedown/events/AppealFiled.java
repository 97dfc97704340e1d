package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** An internal complaint (DSA Art. 20) against a decision, by the uploader or the notifier. */
@EventType(value = "dev.takedown.notice.appeal-filed.v1", topic = Topics.NOTICE_EVENTS)
public record AppealFiled(
        UUID eventId, Instant occurredAt, String caseId, String actor, String appealId, String complainantRole)
        implements TakedownEvent {}
