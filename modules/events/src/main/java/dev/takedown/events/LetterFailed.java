package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** Sending kept failing for transient reasons (no server, 4xx answers) until the last allowed attempt. */
@EventType(value = "dev.takedown.letter.failed.v1", topic = Topics.NOTICE_EVENTS)
public record LetterFailed(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String letterId,
        String kind,
        String recipientRole,
        int attempts,
        String reason)
        implements TakedownEvent {}
