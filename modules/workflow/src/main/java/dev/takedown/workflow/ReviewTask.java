package dev.takedown.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A moderation task as a queue shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewTask(
        String taskId,
        String caseId,
        String name,
        String kind,
        String queue,
        int priority,
        Instant due,
        Instant created,
        String assignee) {

    /** A first review of a notice (ordinary or escalated). */
    public static final String REVIEW = "REVIEW";
    /** The second pair of eyes on a high-impact measure. */
    public static final String CONFIRMATION = "CONFIRMATION";
    /** An internal complaint against a decision (DSA Art. 20). */
    public static final String APPEAL = "APPEAL";
    /** Terms a model owner wants added to a case's filter measures (decided through the remediation API). */
    public static final String FILTER_WIDENING = "FILTER_WIDENING";
}
