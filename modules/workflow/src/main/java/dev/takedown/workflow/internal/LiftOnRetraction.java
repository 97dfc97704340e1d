package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LiftMeasures: the rights holder withdrew its notice, so nothing done on it stays. */
@Component("liftOnRetraction")
class LiftOnRetraction implements JavaDelegate {

    private final Measures measures;
    private final CaseLifecycle lifecycle;

    LiftOnRetraction(Measures measures, CaseLifecycle lifecycle) {
        this.measures = measures;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        measures.liftAll(caseId, TakedownEvent.SYSTEM, LiftCause.RETRACTION, "notice retracted by the rights holder");
        lifecycle.recordRetracted(caseId);
    }
}
