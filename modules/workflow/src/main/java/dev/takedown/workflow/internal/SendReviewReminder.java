package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskReminderDue;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Task_SendReviewReminder: the review task is close to its due date; moderation dashboards pick this up. */
@Component("sendReviewReminder")
class SendReviewReminder implements JavaDelegate {

    private final ApplicationEventPublisher events;

    SendReviewReminder(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new TaskReminderDue(
                UUID.randomUUID(), Instant.now(), CaseVariables.caseId(execution), TakedownEvent.SYSTEM));
    }
}
