package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import org.springframework.stereotype.Component;

/**
 * Gateway_MeasuresConfirmed, Gateway_LiftsConfirmed: whether the platform has confirmed the case's measures (or their
 * lifts) already, so that the process does not wait for a confirmation that came before it.
 */
@Component("platformConfirmations")
public class PlatformConfirmations {

    private final Enforcements enforcements;

    PlatformConfirmations(Enforcements enforcements) {
        this.enforcements = enforcements;
    }

    public boolean removed(String caseId) {
        return enforcements.removalConfirmed(caseId);
    }

    public boolean restored(String caseId) {
        return enforcements.restorationConfirmed(caseId);
    }
}
