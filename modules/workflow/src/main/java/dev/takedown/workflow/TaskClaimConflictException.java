package dev.takedown.workflow;

/** The task belongs to another moderator (or to nobody yet, when deciding). */
public class TaskClaimConflictException extends RuntimeException {

    public TaskClaimConflictException(String message) {
        super(message);
    }
}
