package dev.takedown.workflow.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of a measure-enforcement instance: which command it follows, and the platform's last answer. */
final class EnforcementVariables {

    static final String PROCESS_KEY = "measure-enforcement";
    static final String MESSAGE = "EnforcementAnswered";

    static final String MEASURE_ID = "measureId";
    static final String MEASURE_TYPE = "measureType";
    static final String VERSION = "version";
    static final String LIFT = "lift";
    static final String ATTEMPTS = "attempts";
    /** An EnforcementRecorded.Outcome name. */
    static final String OUTCOME = "outcome";
    /** An EnforcementFailed.Reason name, with a FAILED outcome. */
    static final String FAILURE = "failure";
    /** After sending again: the platform confirmed meanwhile, or the measure changed since. */
    static final String SETTLED = "settled";

    private EnforcementVariables() {}

    /** One instance per command: the measure and the version it carries. */
    static String businessKey(String measureId, long version) {
        return measureId + ":" + version;
    }

    static String measureId(VariableScope scope) {
        return (String) scope.getVariable(MEASURE_ID);
    }

    static long version(VariableScope scope) {
        return ((Number) scope.getVariable(VERSION)).longValue();
    }
}
