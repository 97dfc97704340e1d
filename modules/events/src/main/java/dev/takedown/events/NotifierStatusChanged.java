package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** A notifier was warned or suspended for manifestly unfounded notices (DSA Art. 23(2)), or reinstated. */
@EventType(value = "dev.takedown.notifier.status-changed.v1", topic = Topics.NOTICE_EVENTS)
public record NotifierStatusChanged(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String organisationId,
        String status,
        Instant until)
        implements TakedownEvent {}
