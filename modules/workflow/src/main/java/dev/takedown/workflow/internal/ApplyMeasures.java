package dev.takedown.workflow.internal;

import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyMeasures: puts the planned measures into effect (idempotent, so a retried job is harmless). */
@Component("applyMeasures")
class ApplyMeasures implements JavaDelegate {

    private final Measures measures;
    private final CaseLifecycle lifecycle;

    ApplyMeasures(Measures measures, CaseLifecycle lifecycle) {
        this.measures = measures;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        int inEffect = measures.applyPlanned(caseId);
        if (inEffect > 0) {
            lifecycle.recordMeasuresApplied(caseId, inEffect);
        }
    }
}
