package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice was received and acknowledged (DSA Art. 16(4)).
 *
 * @param disposition {@link #PROCESS}: a new case whose lifecycle starts; {@link #JOINED}: it names a target of an
 *                    open case and joins it ({@code joinedCaseId}); {@link #NOT_PROCESSED}: the notifier is suspended
 *                    for misuse (DSA Art. 23(2)), so it is recorded but not processed
 * @param notifierType {@code RIGHTS_HOLDER}, {@code TRUSTED_FLAGGER}, {@code AUTHORITY_ORDER}, … (DSA Art. 15(1)(b)
 *                    counts trusted flaggers separately)
 * @param rightType   the right claimed, e.g. {@code COPYRIGHT_REPRODUCTION} (reports count by category)
 */
@EventType(value = "dev.takedown.notice.received.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeReceived(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String organisationId,
        List<String> jurisdictionProfiles,
        String channel,
        int targetCount,
        String disposition,
        String joinedCaseId,
        String notifierType,
        String rightType)
        implements TakedownEvent {

    public static final String PROCESS = "PROCESS";
    public static final String JOINED = "JOINED";
    public static final String NOT_PROCESSED = "NOT_PROCESSED";
}
