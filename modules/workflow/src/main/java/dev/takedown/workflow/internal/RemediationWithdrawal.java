package dev.takedown.workflow.internal;

import dev.takedown.events.MeasureLifted;
import dev.takedown.remediation.Remediations;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Ends a model remediation whose case has no measure left in effect: the owner is no longer asked to remedy a model
 * for content that was restored, a decision that was reversed or a notice that was retracted.
 */
@Component
class RemediationWithdrawal {

    private final Remediations remediations;
    private final RuntimeService runtime;

    RemediationWithdrawal(Remediations remediations, RuntimeService runtime) {
        this.remediations = remediations;
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(MeasureLifted lifted) {
        if (remediations.withdrawIfMeasuresLifted(lifted.caseId())) {
            // none waiting when the process already ended (a redelivered event): nothing to do
            runtime.createMessageCorrelation(ModelRemediation.WITHDRAWN_MESSAGE)
                    .processInstanceBusinessKey(lifted.caseId())
                    .correlateAllWithResult();
        }
    }
}
