package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * DSA Art. 21: the out-of-court body ended the dispute.
 *
 * @param outcome {@code UPHELD} (our decision stands), {@code OVERTURNED}, {@code SETTLED} or {@code DISCONTINUED}
 */
@EventType(value = "dev.takedown.notice.out-of-court-decided.v1", topic = Topics.NOTICE_EVENTS)
public record OutOfCourtDecided(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String referralId,
        String outcome,
        String summary)
        implements TakedownEvent {}
