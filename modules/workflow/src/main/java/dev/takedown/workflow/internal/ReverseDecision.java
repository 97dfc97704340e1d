package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReverseDecision: a reversed appeal lifts what was applied, or applies what the appeal decided when nothing had been done. */
@Component("reverseDecision")
class ReverseDecision implements JavaDelegate {

    private final Measures measures;

    ReverseDecision(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        if (measures.liftAll(caseId, TakedownEvent.SYSTEM, LiftCause.APPEAL, "decision reversed on appeal") == 0) {
            measures.applyPlanned(caseId);
        }
    }
}
