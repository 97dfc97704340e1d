package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A complete notice was accepted and a case opened (DSA Art. 16(4) acknowledgement point). */
@EventType(value = "dev.takedown.notice.received.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeReceived(UUID eventId, Instant occurredAt, String caseId, String actor, String organisationId,
        List<String> jurisdictionProfiles, String channel, int targetCount) implements TakedownEvent {
}
