package dev.takedown.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * DSA Art. 16(4): the receipt of a notice filed on {@link Topics#NOTICES_INBOUND}, published in the intake's
 * transaction once the notice is stored, for the portal that filed it. Keyed like the inbound record, so the portal
 * matches it to what it sent; a redelivered record opens no case and gets no second receipt.
 *
 * @param inboundKey            the inbound record's key, {@code organisationId:idempotencyKey}
 * @param receivedAt            when the notice was received
 * @param status                the case's status on receipt ({@code RECEIVED}, {@code JOINED}, {@code LOGGED_NOT_PROCESSED}, …)
 * @param responseTimesVersion  the published version of the response times; null before the first is published
 * @param responseTimes         the response times the platform publishes ({@code GET /api/response-times}): ISO-8601
 *                              durations by name
 */
@EventType(value = "dev.takedown.notice.acknowledged.v1", topic = Topics.NOTICE_RECEIPTS)
public record NoticeAcknowledged(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String inboundKey,
        Instant receivedAt,
        String status,
        Integer responseTimesVersion,
        Map<String, String> responseTimes)
        implements TakedownEvent {

    public NoticeAcknowledged {
        responseTimes = responseTimes == null ? Map.of() : Map.copyOf(responseTimes);
    }

    @Override
    public String key() {
        return inboundKey;
    }
}
