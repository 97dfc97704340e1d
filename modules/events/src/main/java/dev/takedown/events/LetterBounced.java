package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The letter did not reach its recipient: the mail server refused it ({@code SMTP}) or a delivery status notification
 * came back to the bounce mailbox ({@code DSN}). Nothing that runs from delivery starts on it.
 */
@EventType(value = "dev.takedown.letter.bounced.v1", topic = Topics.NOTICE_EVENTS)
public record LetterBounced(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String letterId,
        String kind,
        String recipientRole,
        String source,
        String reason)
        implements TakedownEvent {}
