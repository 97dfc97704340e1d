package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An appeal was decided by someone other than the original decider. */
@EventType(value = "dev.takedown.notice.appeal-decided.v1", topic = Topics.NOTICE_EVENTS)
public record AppealDecided(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String appealId,
        String outcome,
        List<String> measures,
        String reason)
        implements TakedownEvent {}
