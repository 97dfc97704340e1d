package dev.takedown.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReportRemedied: lets a lifecycle already waiting at Event_RemediationVerified close the case. A lifecycle that
 * is not waiting yet reads the remediation as verified when it gets to its close gate, so no message is lost.
 */
@Component("reportRemedied")
class ReportRemedied implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(ModelRemediation.VERIFIED_MESSAGE)
                .processInstanceBusinessKey(CaseVariables.caseId(execution))
                .correlateAllWithResult();
    }
}
