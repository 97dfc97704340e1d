package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * DSA Art. 21: the body overturned our decision and we implemented its decision: the measures in effect were lifted,
 * or the measures it found due were applied.
 *
 * @param implementation {@code LIFTED} or {@code APPLIED}
 * @param measures       the measure types applied; empty for a lift
 * @param count          how many measures were lifted or applied
 */
@EventType(value = "dev.takedown.notice.out-of-court-implemented.v1", topic = Topics.NOTICE_EVENTS)
public record OutOfCourtDecisionImplemented(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String referralId,
        String implementation,
        List<String> measures,
        int count)
        implements TakedownEvent {

    public OutOfCourtDecisionImplemented {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
