package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReverseDecision: a reversed appeal lifts what was applied (the parties learn of the restoration once the
 * platform confirms it), or applies what the appeal decided when nothing had been done.
 */
@Component("reverseDecision")
class ReverseDecision implements JavaDelegate {

    private final Measures measures;

    ReverseDecision(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        boolean lifted =
                measures.liftAll(caseId, TakedownEvent.SYSTEM, LiftCause.APPEAL, "decision reversed on appeal") > 0;
        if (!lifted) {
            measures.applyPlanned(caseId);
        }
        execution.setVariable(CaseVariables.LIFTED_ON_APPEAL, lifted);
    }
}
