package dev.takedown.workflow.internal;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The remediation's facts complete its user tasks: the owner's recorded change the owner task (a widening goes to a
 * moderator, anything else to verification), a moderator's decision the widening review.
 */
@Component
class RemediationTasks {

    private final TaskService tasks;

    RemediationTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(RemediationChangeRecorded recorded) {
        tasks.complete(
                open(recorded.caseId(), ModelRemediation.OWNER_TASK).getId(),
                Map.of(ModelRemediation.WIDENING, recorded.wideningReview()));
    }

    @ApplicationModuleListener
    void on(FilterWideningDecided decided) {
        tasks.complete(
                open(decided.caseId(), ModelRemediation.WIDENING_TASK).getId(),
                Map.of(ModelRemediation.WIDENING_APPROVED, decided.approved()));
    }

    /** The event is retried (outbox) while the task it completes does not exist yet. */
    private Task open(String caseId, String taskKey) {
        Task task = tasks.createTaskQuery()
                .processDefinitionKey(ModelRemediation.PROCESS)
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no open " + taskKey + " for case " + caseId);
        }
        return task;
    }
}
