package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task_AlertComplianceSeniorReview, Task_AlertComplianceConfirmation, Task_AlertComplianceAppeal: a senior
 * moderators' task passed its due date.
 * There is no queue above theirs, so compliance officers are told (on the case's ledger through the tasks topic) and
 * the seniors keep the task.
 */
@Component("alertCompliance")
class AlertCompliance implements JavaDelegate {

    static final String COMPLIANCE_QUEUE = "COMPLIANCE_OFFICER";
    static final String REASON = "senior moderators' deadline passed";

    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertCompliance(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new TaskEscalated(
                UUID.randomUUID(),
                clock.instant(),
                CaseVariables.caseId(execution),
                TakedownEvent.SYSTEM,
                COMPLIANCE_QUEUE,
                REASON));
    }
}
