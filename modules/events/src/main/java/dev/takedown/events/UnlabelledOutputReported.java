package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Labelling Measures Art. 9: the platform provided generated content without the explicit label, at a user's request
 * and under the user agreement that sets out the user's labelling duties; the log of it is kept at least six months
 * ({@code takedown.audit.retention.unlabelled-outputs}). About no case, so {@code caseId} is null.
 *
 * @param actor            the platform credential that reported it
 * @param accountId        the user the output was provided to
 * @param produceId        the output's content id, as its implicit label carries it ({@code ProduceID})
 * @param providedAt       when the output was provided
 * @param agreementVersion the user agreement under which it was provided without the label
 */
@EventType(value = "dev.takedown.aigc.unlabelled-output-reported.v1", topic = Topics.UNLABELLED_OUTPUTS)
public record UnlabelledOutputReported(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String accountId,
        String produceId,
        Instant providedAt,
        String agreementVersion)
        implements TakedownEvent {

    @Override
    public String key() {
        return accountId;
    }
}
