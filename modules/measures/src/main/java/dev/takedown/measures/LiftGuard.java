package dev.takedown.measures;

import java.util.Optional;

/**
 * A legal reason, known to another module, why a case's measures must stay for now (e.g. a US counter-notice waiting
 * for business day 10). A lift by hand asks every guard first; the lifts the workflow performs on restoration or
 * retraction do not.
 */
public interface LiftGuard {

    /** Why the case's measures cannot be lifted by hand at this moment; empty when nothing stands in the way. */
    Optional<String> refusal(String caseId);
}
