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
        Kind kind,
        String queue,
        int priority,
        Instant due,
        Instant created,
        String assignee) {

    /** What a moderator is asked to decide. */
    public enum Kind {
        /** A first review of a notice (ordinary or escalated). */
        REVIEW,
        /** The second pair of eyes on a high-impact measure. */
        CONFIRMATION,
        /** An internal complaint against a decision (DSA Art. 20). */
        APPEAL,
        /** Terms a model owner wants added to a case's filter measures (decided through the remediation API). */
        FILTER_WIDENING,
        /** A statutory restore still not done by its last day: compliance has it done and says how. */
        RESTORE_OVERDUE,
        /** A suspected criminal offence threatening life or safety: compliance informs the authority (DSA Art. 18). */
        CRIMINAL_OFFENCE,
        /**
         * The platform did not confirm a measure or its lift by the deadline, or failed for good: have it done on the
         * platform and say how.
         */
        ENFORCEMENT_OVERDUE
    }
}
