package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every prompt of every replay suite of the case's filter measures stayed blocked after the owner's change. */
@EventType(value = "dev.takedown.remediation.verified.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationVerified(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String changeId,
        List<String> measureIds,
        int promptsBlocked,
        Instant replayedAt)
        implements TakedownEvent {

    public RemediationVerified {
        measureIds = measureIds == null ? List.of() : List.copyOf(measureIds);
    }
}
