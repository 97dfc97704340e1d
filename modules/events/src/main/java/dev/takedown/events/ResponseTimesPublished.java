package dev.takedown.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The platform published a new version of its response times (public complaint page, {@code GET /api/response-times}):
 * what it promises notifiers and complainants, so that the ledger shows which promise stood when. Not about a case.
 *
 * @param version     1, 2, … in order of publication
 * @param hash        SHA-256 of the canonical table ({@code name=value} lines in name order)
 * @param appliesFrom when this version replaced the previous one
 * @param times       ISO-8601 durations by name, e.g. {@code review.standard=PT24H}
 */
@EventType(value = "dev.takedown.response-times.published.v1", topic = Topics.NOTICE_EVENTS)
public record ResponseTimesPublished(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        int version,
        String hash,
        Instant appliesFrom,
        Map<String, String> times)
        implements TakedownEvent {

    /** All versions on one partition, in order. */
    @Override
    public String key() {
        return "response-times";
    }
}
