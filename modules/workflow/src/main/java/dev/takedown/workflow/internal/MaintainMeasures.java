package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MaintainMeasures: the rights holder proved proceedings; the measure stays until they end. */
@Component("maintainMeasures")
class MaintainMeasures implements JavaDelegate {

    private final NoticeCases cases;

    MaintainMeasures(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordMaintained(CaseVariables.caseId(execution));
    }
}
