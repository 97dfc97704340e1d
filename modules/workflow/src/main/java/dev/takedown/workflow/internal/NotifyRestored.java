package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyRestored: the platform confirmed the lifts, so the case is restored and both sides are told. */
@Component("notifyRestored")
class NotifyRestored implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    NotifyRestored(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.restore(caseId, enforcements.restoredAt(caseId).orElse(null));
    }
}
