package dev.takedown.notices.internal;

import dev.takedown.events.EnforcementRecorded;
import dev.takedown.notices.CaseLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The case's history says when the platform confirmed each measure (the content removed, the filter in place) or its
 * lift, by the platform's clock, or that it could not: the answer to "when was it actually removed?".
 */
@Component
class EnforcementHistory {

    private final CaseLifecycle cases;

    EnforcementHistory(CaseLifecycle cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(EnforcementRecorded recorded) {
        String measure = recorded.measureType() + (recorded.targetUrl() == null ? "" : " on " + recorded.targetUrl());
        String fact =
                switch (recorded.outcome()) {
                    case ENFORCED -> "ENFORCED: " + measure + " confirmed in effect by the platform at ";
                    case LIFT_ENFORCED -> "LIFT_ENFORCED: " + measure + " confirmed lifted by the platform at ";
                    case FAILED ->
                        "ENFORCEMENT_FAILED (" + recorded.failure() + "): " + measure
                                + " not carried out by the platform, it answered at ";
                };
        cases.note(
                recorded.caseId(),
                recorded.actor(),
                fact + recorded.platformAt() + " (measure " + recorded.measureId() + ", version " + recorded.version()
                        + ")");
    }
}
