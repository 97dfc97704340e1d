package dev.takedown.correspondence.internal;

import dev.takedown.correspondence.DeliveryBasis;
import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterLink;
import dev.takedown.correspondence.LetterStatus;
import dev.takedown.correspondence.LetterView;
import dev.takedown.correspondence.PartyRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One row of {@code letter}: the stored copy and where the letter is on its way. */
public record StoredLetter(
        UUID id,
        UUID caseId,
        LetterKind kind,
        PartyRole recipientRole,
        String recipientParty,
        String recipientName,
        String recipientEmail,
        String language,
        String subject,
        String body,
        List<LetterLink> links,
        Map<String, Object> model,
        String opens,
        String messageId,
        LetterStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant deemedAt,
        Instant deliveredAt,
        DeliveryBasis deliveryBasis,
        String deliveredBy,
        String deliveryNote,
        Instant bouncedAt,
        String bounceReason,
        Instant failedAt,
        UUID resentFrom) {

    public LetterView view() {
        return new LetterView(
                id.toString(),
                caseId.toString(),
                kind,
                recipientRole,
                recipientParty,
                recipientName,
                recipientEmail,
                language,
                subject,
                body,
                links,
                opens,
                messageId,
                status,
                attempts,
                lastError,
                createdAt,
                sentAt,
                sentAt == null || deemedAt == null ? null : Duration.between(sentAt, deemedAt),
                deliveredAt,
                deliveryBasis,
                deliveredBy,
                deliveryNote,
                bouncedAt,
                bounceReason,
                failedAt,
                resentFrom == null ? null : resentFrom.toString());
    }
}
