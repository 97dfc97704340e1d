package dev.takedown.correspondence;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A letter as sent, with where it is on its way.
 *
 * @param opens        the page the letter's link leads to (the case page, the uploader's signed page)
 * @param deemedAfter  how long after sending it counts as delivered without a receipt; {@code null} before it is sent
 * @param deliveredBy  for a confirmed delivery, the moderator who recorded it, and {@code deliveryNote} how it reached
 *                     the recipient
 * @param resentFrom   the letter this one repeats to another address
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LetterView(
        String letterId,
        String caseId,
        LetterKind kind,
        PartyRole recipientRole,
        String recipientParty,
        String recipientName,
        String recipientEmail,
        String language,
        String subject,
        String body,
        List<LetterLink> links,
        String opens,
        String messageId,
        LetterStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Duration deemedAfter,
        Instant deliveredAt,
        DeliveryBasis deliveryBasis,
        String deliveredBy,
        String deliveryNote,
        Instant bouncedAt,
        String bounceReason,
        Instant failedAt,
        String resentFrom) {}
