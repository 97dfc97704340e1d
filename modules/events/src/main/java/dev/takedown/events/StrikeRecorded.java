package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploader account received (or lost) a strike; {@code activeStrikes} is the weighted count after the change and
 * {@code accountStatus} the account's DSA Art. 23 standing then ({@code GOOD_STANDING}, {@code WARNED},
 * {@code SUSPENDED}, {@code TERMINATED}; a change of it is its own {@code PartyStandingChanged}).
 */
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
