package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one module tells the others. Every event carries its own id so that consumers can drop
 * redeliveries, and the actor so that the audit ledger can tell who (or which automation) caused it.
 */
public interface TakedownEvent {

    /** Actor id used for facts caused by the system itself rather than a person. */
    String SYSTEM = "system";

    UUID eventId();

    Instant occurredAt();

    /** Case the event belongs to; every fact in Takedown is about one case. */
    String caseId();

    /** User id of the person who caused the event, or {@link #SYSTEM}. */
    String actor();

    /** Kafka record key: the case id unless the topic is keyed otherwise. */
    default String key() {
        return caseId();
    }

    default EventType eventType() {
        EventType type = getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @EventType");
        }
        return type;
    }
}
