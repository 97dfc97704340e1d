package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A moderator decided whether the owner's added terms may widen the case's filter measures: approved, they are
 * applied and verification follows; refused, the remediation goes back to the owner with the reason.
 */
@EventType(value = "dev.takedown.remediation.widening-decided.v1", topic = Topics.NOTICE_EVENTS)
public record FilterWideningDecided(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String changeId,
        List<String> terms,
        boolean approved,
        String reason)
        implements TakedownEvent {

    public FilterWideningDecided {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
