package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform confirmed the last lift of the case's measures: the content is restored. A restoration is told to the
 * parties only then. {@code actor} is the platform's principal that confirmed the last one.
 *
 * @param measures   how many lifted measures of the case the platform confirmed
 * @param platformAt when the platform confirmed the last lift, by its clock: the time of restoration
 */
@EventType(value = "dev.takedown.measure.case-lifts-enforced.v1", topic = Topics.NOTICE_EVENTS)
public record CaseLiftsEnforced(
        UUID eventId, Instant occurredAt, String caseId, String actor, int measures, Instant platformAt)
        implements TakedownEvent {}
