package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseIncomplete: closes the case and tells the notifier which elements were missing. */
@Component("closeIncomplete")
class CloseIncomplete implements JavaDelegate {

    private final NoticeCases cases;
    private final CaseLifecycle lifecycle;

    CloseIncomplete(NoticeCases cases, CaseLifecycle lifecycle) {
        this.cases = cases;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.closeIncomplete(caseId, cases.problems(caseId));
    }
}
