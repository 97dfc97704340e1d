package dev.takedown.workflow;

import java.time.Instant;

/**
 * Filter and order of a task list.
 *
 * @param minPriority only tasks at or above this priority (null: all)
 * @param dueBefore   only tasks due before this instant (null: all)
 * @param sort        {@code priority} (highest first, then earliest due) or {@code due} (earliest first)
 */
public record TaskQuery(Integer minPriority, Instant dueBefore, String sort) {

    public static final TaskQuery DEFAULT = new TaskQuery(null, null, "priority");
}
