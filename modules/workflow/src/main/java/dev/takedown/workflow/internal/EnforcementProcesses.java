package dev.takedown.workflow.internal;

import dev.takedown.events.EnforcementRecorded;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.measures.Enforcements;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One measure-enforcement instance per command to the platform (a measure applied, a measure lifted), and the
 * platform's checked answers as its messages. A command published again (a retry, a lift restated on the compacted
 * topic) carries its first event id and starts nothing; a newer command of the same measure ends the instance of the
 * older one, whose answer can no longer confirm anything. Answers are correlated once each ({@link CorrelatedEvents}).
 */
@Component
class EnforcementProcesses {

    private static final Logger log = LoggerFactory.getLogger(EnforcementProcesses.class);

    private final RuntimeService runtime;
    private final CorrelatedEvents correlated;
    private final Measures measures;
    private final Enforcements enforcements;

    EnforcementProcesses(
            RuntimeService runtime, CorrelatedEvents correlated, Measures measures, Enforcements enforcements) {
        this.runtime = runtime;
        this.correlated = correlated;
        this.measures = measures;
        this.enforcements = enforcements;
    }

    @ApplicationModuleListener
    void on(MeasureApplied applied) {
        start(applied.eventId(), applied.caseId(), applied.measureId(), applied.type(), applied.version(), false);
    }

    @ApplicationModuleListener
    void on(MeasureLifted lifted) {
        if (lifted.version() == null) {
            return;
        }
        MeasureView measure = measures.find(lifted.measureId());
        start(
                lifted.eventId(),
                lifted.caseId(),
                lifted.measureId(),
                measure.type().name(),
                lifted.version(),
                true);
    }

    @ApplicationModuleListener
    void on(EnforcementRecorded recorded) {
        if (!correlated.claim(recorded.eventId(), EnforcementVariables.MESSAGE)) {
            return;
        }
        int answered = runtime.createMessageCorrelation(EnforcementVariables.MESSAGE)
                .processInstanceBusinessKey(EnforcementVariables.businessKey(recorded.measureId(), recorded.version()))
                .setVariable(EnforcementVariables.OUTCOME, recorded.outcome().name())
                .setVariable(EnforcementVariables.FAILURE, recorded.failure())
                .correlateAllWithResult()
                .size();
        if (answered == 0) {
            // during a back-off (sending again finds the confirmation) or after the deadline (the task stays)
            log.info(
                    "measure {} version {}: {} recorded, no enforcement instance waiting for it",
                    recorded.measureId(),
                    recorded.version(),
                    recorded.outcome());
        }
    }

    private void start(UUID eventId, String caseId, String measureId, String type, Long version, boolean lift) {
        if (version == null || !correlated.claim(eventId, EnforcementVariables.PROCESS_KEY)) {
            return;
        }
        for (ProcessInstance older : runtime.createProcessInstanceQuery()
                .processDefinitionKey(EnforcementVariables.PROCESS_KEY)
                .processInstanceBusinessKeyLike(measureId + ":%")
                .list()) {
            runtime.deleteProcessInstance(older.getId(), "superseded by version " + version + " of the measure");
        }
        String businessKey = EnforcementVariables.businessKey(measureId, version);
        runtime.startProcessInstanceByKey(
                EnforcementVariables.PROCESS_KEY,
                businessKey,
                Map.of(
                        CaseVariables.CASE_ID, caseId,
                        EnforcementVariables.MEASURE_ID, measureId,
                        EnforcementVariables.MEASURE_TYPE, type,
                        EnforcementVariables.VERSION, version,
                        EnforcementVariables.LIFT, lift,
                        EnforcementVariables.ATTEMPTS, 1));
        if (enforcements.confirmed(measureId, version)) {
            // the platform answered before the instance was waiting
            runtime.createMessageCorrelation(EnforcementVariables.MESSAGE)
                    .processInstanceBusinessKey(businessKey)
                    .setVariable(
                            EnforcementVariables.OUTCOME,
                            (lift ? EnforcementRecorded.Outcome.LIFT_ENFORCED : EnforcementRecorded.Outcome.ENFORCED)
                                    .name())
                    .setVariable(EnforcementVariables.FAILURE, null)
                    .correlateAllWithResult();
        }
    }
}
