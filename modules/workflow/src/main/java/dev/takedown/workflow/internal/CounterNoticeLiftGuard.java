package dev.takedown.workflow.internal;

import dev.takedown.measures.LiftGuard;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * 17 U.S.C. 512(g)(2)(C): after a counter-notice the platform restores "not less than 10" business days after
 * receipt, and the rights holder may sue until then. While the counter-notice process of a US case still waits for
 * business day 10 (its timer is pending) a lift by hand is refused; the rights holder's retraction still lifts.
 */
@Component
class CounterNoticeLiftGuard implements LiftGuard {

    static final String WAIT_TIMER = "Event_StatutoryWaitOver";

    private final NoticeCases cases;
    private final RuntimeService runtime;
    private final ManagementService management;

    CounterNoticeLiftGuard(NoticeCases cases, RuntimeService runtime, ManagementService management) {
        this.cases = cases;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public Optional<String> refusal(String caseId) {
        if (cases.timers(caseId).profile().family() != JurisdictionProfile.Family.US) {
            return Optional.empty();
        }
        return runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("counter-notice")
                .list()
                .stream()
                .flatMap(
                        instance -> management
                                .createJobQuery()
                                .processInstanceId(instance.getId())
                                .timers()
                                .activityId(WAIT_TIMER)
                                .list()
                                .stream())
                .map(Job::getDuedate)
                .findFirst()
                .map(restoreFrom -> "a counter-notice is pending on case " + caseId + ": under 17 U.S.C. 512(g)(2)(C)"
                        + " the measure stays until the end of business day 10 (" + restoreFrom.toInstant()
                        + "), unless the rights holder withdraws its notice");
    }
}
