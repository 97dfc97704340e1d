package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenRemediation: opens the case's remediation, once (a retried job opens nothing). Its process starts on the
 * {@code RemediationOpened} event ({@link RemediationStart}), the one way every remediation process starts.
 */
@Component("openRemediation")
class OpenRemediation implements JavaDelegate {

    private final Remediations remediations;

    OpenRemediation(Remediations remediations) {
        this.remediations = remediations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remediations.open(CaseVariables.caseId(execution));
    }
}
