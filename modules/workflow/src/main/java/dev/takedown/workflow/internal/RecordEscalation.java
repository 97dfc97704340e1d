package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.notices.NoticeCases;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Task_RecordEscalation: the review deadline passed; the case goes to the senior moderators. */
@Component("recordEscalation")
class RecordEscalation implements JavaDelegate {

    static final String SENIOR_QUEUE = "SENIOR_MODERATOR";

    private final NoticeCases cases;
    private final ApplicationEventPublisher events;

    RecordEscalation(NoticeCases cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        cases.recordEscalation(caseId, SENIOR_QUEUE);
        events.publishEvent(new TaskEscalated(UUID.randomUUID(), Instant.now(), caseId, TakedownEvent.SYSTEM,
                SENIOR_QUEUE));
    }
}
