package dev.takedown.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A compliance officer changed an entry of a registry notifiers' statuses are checked against: a trusted flagger
 * (DSA Art. 22) or a competent authority that issues orders (DSA Art. 9). Not about a case.
 *
 * @param registry {@code TRUSTED_FLAGGER} or {@code COMPETENT_AUTHORITY}
 * @param change   {@code REGISTERED}, {@code UPDATED} or {@code REVOKED}
 * @param entry    the entry as it stands after the change (names, validity, areas or legal bases, bound credentials)
 * @param reason   why it was revoked or changed
 */
@EventType(value = "dev.takedown.registry.entry-changed.v1", topic = Topics.NOTICE_EVENTS)
public record RegistryEntryChanged(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String registry,
        String entryId,
        String change,
        Map<String, Object> entry,
        String reason)
        implements TakedownEvent {

    /** Every change of one entry on one partition, in order. */
    @Override
    public String key() {
        return "registry:" + entryId;
    }
}
