package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyDecision: the notifier learns the decision and its redress; the uploader receives the forwarded notice with its statement of reasons. */
@Component("notifyDecision")
class NotifyDecision implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    NotifyDecision(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.notifyDecision(CaseVariables.caseId(execution));
    }
}
