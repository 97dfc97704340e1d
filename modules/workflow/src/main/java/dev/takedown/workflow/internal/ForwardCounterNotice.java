package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ForwardCounterNotice: the rights holder is sent the whole counter-notice with the text the law requires (US:
 * with the restore days of 512(g)(2)(C)).
 */
@Component("forwardCounterNotice")
class ForwardCounterNotice implements JavaDelegate {

    private final CaseLifecycle lifecycle;
    private final CaseDeadlines deadlines;

    ForwardCounterNotice(CaseLifecycle lifecycle, CaseDeadlines deadlines) {
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.forwardCounterNotice(caseId, deadlines.restoreOn(caseId), deadlines.lastRestoreDay(caseId));
    }
}
