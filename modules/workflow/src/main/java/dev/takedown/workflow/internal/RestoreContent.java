package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RestoreContent: no proof of proceedings within the wait, so the measures are lifted and the strikes removed. */
@Component("restoreContent")
class RestoreContent implements JavaDelegate {

    private final Measures measures;
    private final CaseLifecycle lifecycle;

    RestoreContent(Measures measures, CaseLifecycle lifecycle) {
        this.measures = measures;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        measures.liftAll(caseId, TakedownEvent.SYSTEM, LiftCause.COUNTER_NOTICE, "restored after counter-notice");
        lifecycle.restore(caseId);
    }
}
