package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseLifecycle;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_TriageNotice: what triage.dmn asks the reviewer to assess (its {@code note}, e.g. human authorship of
 * an AI-assisted work under the US profile) goes on the case's history, where the reviewer reads the case.
 */
@Component("recordTriageNote")
class RecordTriageNote implements ExecutionListener {

    private final CaseLifecycle lifecycle;

    RecordTriageNote(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable("triage") instanceof Map<?, ?> triage
                && triage.get("note") instanceof String note
                && !note.isBlank()) {
            lifecycle.note(CaseVariables.caseId(execution), "triage", note);
        }
    }
}
