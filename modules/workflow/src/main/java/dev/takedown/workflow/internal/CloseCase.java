package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCase: the redress window ended or redress finished. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    CloseCase(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.close(CaseVariables.caseId(execution));
    }
}
