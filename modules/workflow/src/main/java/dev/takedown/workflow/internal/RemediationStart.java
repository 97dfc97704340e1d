package dev.takedown.workflow.internal;

import dev.takedown.events.RemediationOpened;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A remediation was opened (by an accepted notice on a model target or by a failed replay): its process starts, once
 * per case (a redelivered event finds one running and starts nothing).
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
