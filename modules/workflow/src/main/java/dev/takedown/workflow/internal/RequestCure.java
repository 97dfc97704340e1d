package dev.takedown.workflow.internal;

import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestCure: tells the notifier exactly what is missing; the case waits for completion (T2). */
@Component("requestCure")
class RequestCure implements JavaDelegate {

    private final NoticeCases cases;

    RequestCure(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        cases.requestCure(caseId, cases.problems(caseId));
    }
}
