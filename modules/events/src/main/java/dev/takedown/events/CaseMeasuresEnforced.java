package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform confirmed the last of the case's measures in effect: the content is removed (the filters are in
 * place). Until then the case is not "removed", whatever Takedown published. {@code actor} is the platform's principal
 * that confirmed the last one.
 *
 * @param measures   how many measures of the case are in effect
 * @param platformAt when the platform confirmed the last of them, by its clock: the time of removal
 */
@EventType(value = "dev.takedown.measure.case-enforced.v1", topic = Topics.NOTICE_EVENTS)
public record CaseMeasuresEnforced(
        UUID eventId, Instant occurredAt, String caseId, String actor, int measures, Instant platformAt)
        implements TakedownEvent {}
