package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.remediation.Remediations;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Task_AlertSeniorModerators: a filter widening waited past its due date; the review stays in the queue. */
@Component("escalateWideningReview")
class EscalateWideningReview implements JavaDelegate {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalateWideningReview(ApplicationEventPublisher events, Clock clock) {
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
                Remediations.WIDENING_ESCALATION_GROUP,
                "filter widening review overdue"));
    }
}
