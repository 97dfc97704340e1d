package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenAppeal: the case is under internal complaint review (DSA Art. 20). */
@Component("openAppeal")
class OpenAppeal implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    OpenAppeal(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.openAppealReview(CaseVariables.caseId(execution));
    }
}
