package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The owner's change did not pass: prompts of a replay suite are still generated ({@code FAILED}), or the case has no
 * filter measure with a replay suite that could verify anything ({@code NO_REPLAY_SUITE}). The owner is asked again.
 */
@EventType(value = "dev.takedown.remediation.verification-failed.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationVerificationFailed(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String changeId,
        String outcome,
        List<String> failedPrompts,
        String failure)
        implements TakedownEvent {

    public RemediationVerificationFailed {
        failedPrompts = failedPrompts == null ? List.of() : List.copyOf(failedPrompts);
    }
}
