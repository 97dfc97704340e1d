package dev.takedown.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A moderation task as a queue shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewTask(String taskId, String caseId, String name, String queue, int priority, Instant due,
        Instant created, String assignee) {
}
