package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The model owner recorded what changed. With {@code wideningReview} its added terms would widen a filter measure and
 * wait for a moderator's approval; otherwise verification by the replay suites follows at once.
 */
@EventType(value = "dev.takedown.remediation.change-recorded.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationChangeRecorded(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String changeId,
        String filterVersion,
        String modelVersion,
        List<String> addedTerms,
        boolean wideningReview)
        implements TakedownEvent {

    public RemediationChangeRecorded {
        addedTerms = addedTerms == null ? List.of() : List.copyOf(addedTerms);
    }
}
