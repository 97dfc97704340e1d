package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestCure: tells the notifier exactly what is missing; the case waits for completion (T2). */
@Component("requestCure")
class RequestCure implements JavaDelegate {

    private final NoticeCases cases;
    private final CaseLifecycle lifecycle;

    RequestCure(NoticeCases cases, CaseLifecycle lifecycle) {
        this.cases = cases;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.requestCure(caseId, cases.problems(caseId));
    }
}
