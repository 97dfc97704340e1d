package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenRemediation: opens the case's remediation and starts its process, once (a retried job starts nothing). */
@Component("openRemediation")
class OpenRemediation implements JavaDelegate {

    private final Remediations remediations;

    OpenRemediation(Remediations remediations) {
        this.remediations = remediations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        remediations.open(caseId);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ModelRemediation.PROCESS)
                        .processInstanceBusinessKey(caseId)
                        .count()
                == 0) {
            runtime.startProcessInstanceByKey(ModelRemediation.PROCESS, caseId, Map.of(CaseVariables.CASE_ID, caseId));
        }
    }
}
