package dev.takedown.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A target's image was checked for its implicit AIGC label (Labelling Measures; GB 45438-2025): a recorded fact on
 * the case, since a missing or tampered label is itself a duty breached.
 *
 * @param status  PRESENT, MISSING or TAMPERED
 * @param fields  the label fields read ({@code Label}, {@code ContentProducer}, {@code ProduceID}, …)
 * @param source  where the label was found, e.g. {@code PNG tEXt AIGC}; null when missing
 * @param problem why the label counts as tampered; null otherwise
 */
@EventType(value = "dev.takedown.notice.label-checked.v1", topic = Topics.NOTICE_EVENTS)
public record LabelChecked(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        int targetIndex,
        String targetUrl,
        String status,
        Map<String, String> fields,
        String source,
        String problem)
        implements TakedownEvent {

    @Override
    public String key() {
        return caseId;
    }
}
