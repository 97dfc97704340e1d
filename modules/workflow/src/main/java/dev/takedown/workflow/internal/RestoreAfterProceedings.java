package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.ProceedingsOutcome;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RestoreAfterProceedings: the proceedings were dismissed or withdrawn, so the measures are lifted. */
@Component("restoreAfterProceedings")
class RestoreAfterProceedings implements JavaDelegate {

    private final Measures measures;
    private final CaseLifecycle lifecycle;

    RestoreAfterProceedings(Measures measures, CaseLifecycle lifecycle) {
        this.measures = measures;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        ProceedingsOutcome outcome =
                ProceedingsOutcome.valueOf((String) execution.getVariable(CaseVariables.PROCEEDINGS_OUTCOME));
        measures.liftAll(
                caseId,
                TakedownEvent.SYSTEM,
                LiftCause.PROCEEDINGS,
                "proceedings " + outcome.name().toLowerCase(Locale.ROOT));
        lifecycle.restoreAfterProceedings(
                caseId, outcome, (String) execution.getVariable(CaseVariables.PROCEEDINGS_REFERENCE));
    }
}
