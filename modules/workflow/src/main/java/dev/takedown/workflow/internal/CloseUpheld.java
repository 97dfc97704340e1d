package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseUpheld: the proceedings upheld the notice, so the measure stays and the case closes. */
@Component("closeUpheld")
class CloseUpheld implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    CloseUpheld(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.closeUpheldByProceedings(
                CaseVariables.caseId(execution), (String) execution.getVariable(CaseVariables.PROCEEDINGS_REFERENCE));
    }
}
