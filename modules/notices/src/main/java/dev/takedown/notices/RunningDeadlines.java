package dev.takedown.notices;

import java.util.List;

/**
 * Deadlines a module runs on a case: the workflow's cure period, review times and counter-notice restore dates (it
 * owns the calendars and the running tasks), review's complaint windows per party and decision and the suspensions'
 * ends. {@link Deadlines} gathers them for the case's API and pages.
 */
public interface RunningDeadlines {

    /** The case's running deadlines; empty for a case without any (closed, or not yet reviewed). */
    List<Deadline> of(String caseId);
}
