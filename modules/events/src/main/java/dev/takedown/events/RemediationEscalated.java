package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The remediation passed its due date unverified; {@code toGroup} is alerted, the owner keeps the task. */
@EventType(value = "dev.takedown.remediation.escalated.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationEscalated(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String toGroup,
        Instant dueAt)
        implements TakedownEvent {}
