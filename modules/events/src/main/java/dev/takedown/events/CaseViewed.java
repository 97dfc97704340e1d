package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** Someone read a case: access to notices and evidence is itself on the record. */
@EventType(value = "dev.takedown.access.case-viewed.v1", topic = Topics.ACCESS_LOG)
public record CaseViewed(UUID eventId, Instant occurredAt, String caseId, String actor, String role)
        implements TakedownEvent {

    @Override
    public String key() {
        return actor;
    }
}
