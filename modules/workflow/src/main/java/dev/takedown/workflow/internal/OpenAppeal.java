package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenAppeal: the case is under internal complaint review (DSA Art. 20). */
@Component("openAppeal")
class OpenAppeal implements JavaDelegate {

    private final NoticeCases cases;

    OpenAppeal(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordAppealReview(CaseVariables.caseId(execution));
    }
}
