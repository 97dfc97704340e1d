package dev.takedown.workflow;

/** No open task with that id in the caller's queues. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("no open task " + taskId + " in your queues");
    }
}
