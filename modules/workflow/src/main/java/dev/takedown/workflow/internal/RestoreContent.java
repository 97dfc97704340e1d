package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RestoreContent: no proof of proceedings within the wait, so the measures are lifted and the strikes removed;
 * the parties are told once the platform confirms the lifts (Task_NotifyRestored).
 */
@Component("restoreContent")
class RestoreContent implements JavaDelegate {

    private final Measures measures;

    RestoreContent(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        measures.liftAll(
                CaseVariables.caseId(execution),
                TakedownEvent.SYSTEM,
                LiftCause.COUNTER_NOTICE,
                "restored after counter-notice");
    }
}
