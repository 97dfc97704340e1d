package dev.takedown.workflow.internal;

import dev.takedown.remediation.RemediationOpened;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A failing replay opened a model remediation outside the lifecycle: its process starts, once (a redelivered event,
 * or a lifecycle that opened the same remediation meanwhile, finds one running).
 */
@Component
class RemediationStart {

    private final RuntimeService runtime;

    RemediationStart(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(RemediationOpened opened) {
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ModelRemediation.PROCESS)
                        .processInstanceBusinessKey(opened.caseId())
                        .count()
                == 0) {
            runtime.startProcessInstanceByKey(
                    ModelRemediation.PROCESS, opened.caseId(), Map.of(CaseVariables.CASE_ID, opened.caseId()));
        }
    }
}
