package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyRestoredOnAppeal: the platform confirmed the lifts of a decision reversed on complaint. */
@Component("notifyRestoredOnAppeal")
class NotifyRestoredOnAppeal implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    NotifyRestoredOnAppeal(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.restoreOnAppeal(caseId, enforcements.restoredAt(caseId).orElse(null));
    }
}
