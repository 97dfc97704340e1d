package dev.takedown.works;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A registered work of one organisation. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProtectedWork(
        String workId, String organisationId, WorkDefinition definition, String registeredBy, Instant registeredAt) {}
