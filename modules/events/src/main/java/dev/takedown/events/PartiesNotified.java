package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The decision was sent to the notifier and, where measures were applied, to the uploader; the case is closed. */
@EventType(value = "dev.takedown.notice.parties-notified.v1", topic = Topics.NOTICE_EVENTS)
public record PartiesNotified(
        UUID eventId, Instant occurredAt, String caseId, String actor, String outcome, List<String> recipients)
        implements TakedownEvent {}
