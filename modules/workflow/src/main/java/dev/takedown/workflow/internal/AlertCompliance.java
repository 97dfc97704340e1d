package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.notices.CaseLifecycle;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task_AlertCompliance…: a senior moderators' task passed its due date (input {@code overdue} names which); the case
 * history says so and compliance officers are alerted. The seniors keep the task.
 */
@Component("alertCompliance")
class AlertCompliance implements JavaDelegate {

    static final String COMPLIANCE_QUEUE = "COMPLIANCE_OFFICER";

    private final CaseLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    AlertCompliance(CaseLifecycle lifecycle, ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        String reason = execution.getVariableLocal("overdue") + " is overdue";
        lifecycle.note(caseId, TakedownEvent.SYSTEM, reason + ": compliance officers alerted");
        events.publishEvent(new TaskEscalated(
                UUID.randomUUID(),
                ClockUtil.getCurrentTime().toInstant(),
                caseId,
                TakedownEvent.SYSTEM,
                COMPLIANCE_QUEUE,
                reason));
    }
}
