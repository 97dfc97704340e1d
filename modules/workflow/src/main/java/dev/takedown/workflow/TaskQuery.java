package dev.takedown.workflow;

/**
 * Filter and order of a task list.
 *
 * @param minPriority only tasks at or above this priority (null: all)
 * @param sort        {@code priority} (highest first, then earliest due) or {@code due} (earliest first)
 */
public record TaskQuery(Integer minPriority, String sort) {

    public static final TaskQuery DEFAULT = new TaskQuery(null, "priority");
}
