package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The copy of the counter-notice reached the rights holder ({@code basis} as in {@link LetterDelivered}): the Chinese
 * wait for proof of proceedings (E-Commerce Law Art. 43, Civil Code 1196) runs from {@code deliveredAt}.
 */
@EventType(value = "dev.takedown.notice.counter-notice-delivered.v1", topic = Topics.NOTICE_EVENTS)
public record CounterNoticeDelivered(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String counterNoticeId,
        String letterId,
        String basis,
        Instant deliveredAt)
        implements TakedownEvent {}
