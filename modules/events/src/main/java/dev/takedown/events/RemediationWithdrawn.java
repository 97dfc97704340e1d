package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** Every measure of the case was lifted before the remediation was verified: nothing is left to remedy. */
@EventType(value = "dev.takedown.remediation.withdrawn.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationWithdrawn(UUID eventId, Instant occurredAt, String caseId, String actor, String remediationId)
        implements TakedownEvent {}
