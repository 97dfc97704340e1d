package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** An uploader account received (or lost) a strike; {@code activeStrikes} is the count after the change. */
@EventType(value = "dev.takedown.account.strike-recorded.v1", topic = Topics.NOTICE_EVENTS)
public record StrikeRecorded(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String accountId,
        int activeStrikes,
        String accountStatus)
        implements TakedownEvent {}
