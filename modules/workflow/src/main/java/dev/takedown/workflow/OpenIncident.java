package dev.takedown.workflow;

import java.time.Instant;

/**
 * A step of a case's process that failed until its retries ran out: the case waits there until someone retries it.
 *
 * @param caseId       the process's business key
 * @param activityName the step as the model names it (the id when it has no name)
 * @param retryable    whether setting the job's retries again can move it on (failed jobs, failed external tasks)
 */
public record OpenIncident(
        String id,
        String caseId,
        String processKey,
        String activityId,
        String activityName,
        String message,
        Instant since,
        boolean retryable) {}
