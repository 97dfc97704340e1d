package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ForwardCounterNotice: the rights holder receives the counter-notice with the text the law requires; the wait starts. */
@Component("forwardCounterNotice")
class ForwardCounterNotice implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    ForwardCounterNotice(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.forwardCounterNotice(CaseVariables.caseId(execution));
    }
}
