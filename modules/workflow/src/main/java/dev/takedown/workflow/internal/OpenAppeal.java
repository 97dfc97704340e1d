package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenAppeal: a complaint against a case decision puts the case under internal complaint review (DSA Art. 20);
 * one against a suspension is about the party's standing, so the case only notes it.
 */
@Component("openAppeal")
class OpenAppeal implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    OpenAppeal(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        if ("SUSPENSION".equals(execution.getVariable(CaseVariables.COMPLAINT_SUBJECT))) {
            lifecycle.openSuspensionComplaint(caseId);
        } else {
            lifecycle.openAppealReview(caseId);
        }
    }
}
