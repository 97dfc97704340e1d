package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The recipient's mail server accepted the letter (SMTP); {@code attempt} counts from 1. */
@EventType(value = "dev.takedown.letter.sent.v1", topic = Topics.NOTICE_EVENTS)
public record LetterSent(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String letterId,
        String kind,
        String recipientRole,
        String messageId,
        int attempt)
        implements TakedownEvent {}
