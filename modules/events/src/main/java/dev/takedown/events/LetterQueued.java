package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A letter to a party of the case was written and queued for sending: what it says is fixed from here on. The
 * ledger keeps who it was to, its subject, its RFC 5322 Message-ID and the SHA-256 of its body; the body itself (with
 * its signed links) stays in the correspondence store.
 *
 * @param kind          the letter's kind ({@code RECEIPT}, {@code COUNTER_NOTICE_COPY}, …)
 * @param recipientRole {@code NOTIFIER} or {@code UPLOADER}
 * @param recipient     the e-mail address it goes to, or {@code null} when the party has none (it is kept, not sent)
 */
@EventType(value = "dev.takedown.letter.queued.v1", topic = Topics.NOTICE_EVENTS)
public record LetterQueued(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String letterId,
        String kind,
        String recipientRole,
        String recipient,
        String language,
        String messageId,
        String subject,
        String bodySha256)
        implements TakedownEvent {}
