package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When the case was decided, what each target's uploader had acknowledged by the time the output was generated
 * (user agreement and risk-warning versions, and when they were shown): a fact on the case's ledger, since courts
 * weigh missing risk warnings (the Ultraman LoRA ruling).
 */
@EventType(value = "dev.takedown.notice.risk-warnings-noted.v1", topic = Topics.NOTICE_EVENTS)
public record RiskWarningsNoted(UUID eventId, Instant occurredAt, String caseId, String actor, List<Warned> targets)
        implements TakedownEvent {

    public RiskWarningsNoted {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * One target's uploader; the versions and {@code shownAt} are null when nothing was acknowledged before
     * {@code generatedAt}.
     */
    public record Warned(
            int targetIndex,
            String accountId,
            Instant generatedAt,
            String agreementVersion,
            String riskWarningVersion,
            Instant shownAt) {}
}
