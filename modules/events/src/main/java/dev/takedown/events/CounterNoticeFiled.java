package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The uploader filed a valid counter-notice (declaration) against the measures of a case. */
@EventType(value = "dev.takedown.notice.counter-notice-filed.v1", topic = Topics.NOTICE_EVENTS)
public record CounterNoticeFiled(UUID eventId, Instant occurredAt, String caseId, String actor, String counterNoticeId)
        implements TakedownEvent {}
