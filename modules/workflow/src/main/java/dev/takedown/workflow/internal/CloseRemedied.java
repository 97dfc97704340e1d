package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseRemedied: the redress window is over and the model remediation verified. */
@Component("closeRemedied")
class CloseRemedied implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    CloseRemedied(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.closeRemedied(CaseVariables.caseId(execution));
    }
}
