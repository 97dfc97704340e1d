package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyParties: the notifier learns the outcome, the uploader receives the forwarded notice. */
@Component("notifyParties")
class NotifyParties implements JavaDelegate {

    private final NoticeCases cases;

    NotifyParties(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.notifyPartiesAndClose(CaseVariables.caseId(execution));
    }
}
