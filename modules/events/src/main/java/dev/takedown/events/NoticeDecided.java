package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A moderator decided a case: accepted with measures, or rejected with a reason. */
@EventType(value = "dev.takedown.notice.decided.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeDecided(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String decisionId,
        String outcome,
        List<String> measures,
        String reason)
        implements TakedownEvent {}
