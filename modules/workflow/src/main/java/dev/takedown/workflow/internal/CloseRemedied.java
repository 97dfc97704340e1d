package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseRemedied: the redress window is over and the model remediation verified. */
@Component("closeRemedied")
class CloseRemedied implements JavaDelegate {

    private final NoticeCases cases;

    CloseRemedied(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.closeRemedied(CaseVariables.caseId(execution));
    }
}
