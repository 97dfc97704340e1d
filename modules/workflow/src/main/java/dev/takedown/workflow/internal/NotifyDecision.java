package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyDecision: the notifier learns the decision and its redress; the uploader receives the forwarded notice with its statement of reasons. */
@Component("notifyDecision")
class NotifyDecision implements JavaDelegate {

    private final NoticeCases cases;

    NotifyDecision(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.notifyDecision(CaseVariables.caseId(execution));
    }
}
