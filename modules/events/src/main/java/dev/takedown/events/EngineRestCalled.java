package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator called Camunda's REST API ({@code /engine-rest}): what was asked and what it answered. Reads and
 * writes alike, refused ones too, because that API reaches every case's process state; {@code caseId} is null.
 *
 * @param query  the query string as sent, or null
 * @param status the HTTP status of the answer
 */
@EventType(value = "dev.takedown.access.engine-rest-called.v1", topic = Topics.ACCESS_LOG)
public record EngineRestCalled(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String method,
        String path,
        String query,
        int status)
        implements TakedownEvent {

    @Override
    public String key() {
        return actor;
    }
}
