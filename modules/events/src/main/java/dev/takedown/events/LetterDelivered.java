package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The letter reached its recipient: they opened its link ({@code RECEIPT}), the configured time after sending passed
 * without a bounce ({@code DEEMED}), or a moderator recorded that it reached them another way ({@code CONFIRMED}).
 * Periods that run from delivery run from {@code deliveredAt}.
 *
 * @param sentAt when the mail server accepted it; {@code null} if it was never sent by e-mail
 */
@EventType(value = "dev.takedown.letter.delivered.v1", topic = Topics.NOTICE_EVENTS)
public record LetterDelivered(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String letterId,
        String kind,
        String recipientRole,
        String basis,
        Instant deliveredAt,
        Instant sentAt)
        implements TakedownEvent {}
