package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator retried the failed step of a case's process (the job's retries were set again), so the case
 * moves on after an incident. On the case's record beside the steps it retried.
 */
@EventType(value = "dev.takedown.case.incident-retried.v1", topic = Topics.NOTICE_EVENTS)
public record IncidentRetried(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String incidentId,
        String activityId,
        String failure)
        implements TakedownEvent {}
