package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ForwardCounterNotice: the rights holder receives the counter-notice with the text the law requires; the wait starts. */
@Component("forwardCounterNotice")
class ForwardCounterNotice implements JavaDelegate {

    private final NoticeCases cases;

    ForwardCounterNotice(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.forwardCounterNotice(CaseVariables.caseId(execution));
    }
}
