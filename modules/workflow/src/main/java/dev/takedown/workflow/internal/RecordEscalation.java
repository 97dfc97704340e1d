package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.notices.CaseLifecycle;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task_RecordEscalation: the review deadline passed, or a moderator escalated the review (Event_EscalationRequested
 * sets {@link #ESCALATED_BY} and {@link #ESCALATION_REASON}); the case goes to the senior moderators.
 */
@Component("recordEscalation")
class RecordEscalation implements JavaDelegate {

    static final String SENIOR_QUEUE = "SENIOR_MODERATOR";
    static final String ESCALATED_BY = "escalatedBy";
    static final String ESCALATION_REASON = "escalationReason";

    private final CaseLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    RecordEscalation(CaseLifecycle lifecycle, ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        String by = (String) execution.getVariable(ESCALATED_BY);
        String reason = (String) execution.getVariable(ESCALATION_REASON);
        if (by == null) {
            lifecycle.escalateOverdueReview(caseId, SENIOR_QUEUE);
        } else {
            lifecycle.escalate(caseId, SENIOR_QUEUE, by, reason);
            // one request, one escalation: a later review of the same process starts without them
            execution.removeVariable(ESCALATED_BY);
            execution.removeVariable(ESCALATION_REASON);
        }
        events.publishEvent(new TaskEscalated(
                UUID.randomUUID(),
                Instant.now(),
                caseId,
                by == null ? TakedownEvent.SYSTEM : by,
                SENIOR_QUEUE,
                reason));
    }
}
