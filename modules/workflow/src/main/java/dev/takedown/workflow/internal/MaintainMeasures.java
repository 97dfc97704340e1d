package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MaintainMeasures: the rights holder proved proceedings; the measure stays until they end. */
@Component("maintainMeasures")
class MaintainMeasures implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    MaintainMeasures(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.maintainPendingProceedings(CaseVariables.caseId(execution));
    }
}
