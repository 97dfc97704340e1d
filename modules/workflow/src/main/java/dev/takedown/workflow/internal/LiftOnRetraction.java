package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_LiftMeasures, Task_LiftOnRetraction: the rights holder withdrew its notice, so nothing done on it stays; both
 * sides are told once the platform confirms the lifts (Task_NotifyRetracted).
 */
@Component("liftOnRetraction")
class LiftOnRetraction implements JavaDelegate {

    private final Measures measures;

    LiftOnRetraction(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        measures.liftAll(
                CaseVariables.caseId(execution),
                TakedownEvent.SYSTEM,
                LiftCause.RETRACTION,
                "notice retracted by the rights holder");
    }
}
