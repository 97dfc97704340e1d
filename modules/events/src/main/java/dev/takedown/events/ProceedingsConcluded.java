package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The proceedings that kept a measure in place after a counter-notice ended, as staff recorded them: {@code outcome}
 * {@code UPHELD} (the measure stays, the case closes), {@code DISMISSED} or {@code WITHDRAWN} (the content is
 * restored); {@code reference} names the judgment or the authority's decision.
 */
@EventType(value = "dev.takedown.notice.proceedings-concluded.v1", topic = Topics.NOTICE_EVENTS)
public record ProceedingsConcluded(
        UUID eventId, Instant occurredAt, String caseId, String actor, String outcome, String reference)
        implements TakedownEvent {}
