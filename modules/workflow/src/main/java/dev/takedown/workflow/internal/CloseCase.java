package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCase: the redress window ended or redress finished. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final NoticeCases cases;

    CloseCase(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close(CaseVariables.caseId(execution));
    }
}
