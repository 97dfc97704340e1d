package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyRetracted: the platform confirmed the lifts of a retracted notice (if any), so both sides are told. */
@Component("notifyRetracted")
class NotifyRetracted implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    NotifyRetracted(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.recordRetracted(caseId, enforcements.restoredAt(caseId).orElse(null));
    }
}
