package dev.takedown.workflow.internal;

import dev.takedown.remediation.RemediationChangeRecorded;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The owner's recorded change completes the owner task, which moves the remediation on to verification. */
@Component
class RemediationTasks {

    private final TaskService tasks;

    RemediationTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(RemediationChangeRecorded recorded) {
        Task task = tasks.createTaskQuery()
                .processDefinitionKey(ModelRemediation.PROCESS)
                .processInstanceBusinessKey(recorded.caseId())
                .taskDefinitionKey(ModelRemediation.OWNER_TASK)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no open remediation task for case " + recorded.caseId());
        }
        tasks.complete(task.getId());
    }
}
