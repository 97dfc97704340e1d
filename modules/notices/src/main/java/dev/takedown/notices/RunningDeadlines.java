package dev.takedown.notices;

import java.util.List;

/**
 * Every statutory or policy deadline running on a case, in the order they fall: the cure period, the review times,
 * the counter-notice's restore dates, each party's complaint windows, a suspension's end. The workflow module, which
 * owns the calendars and the running tasks, provides it; the case's API and pages show it.
 */
public interface RunningDeadlines {

    /** The case's running deadlines; empty for a case without any (closed, or not yet reviewed). */
    List<Deadline> of(String caseId);
}
