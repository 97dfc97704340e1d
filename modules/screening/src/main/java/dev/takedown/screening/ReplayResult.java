package dev.takedown.screening;

import java.time.Instant;
import java.util.List;

/**
 * The latest run of a filter measure's replay suite (normal-use prompts that must stay blocked) against the index.
 *
 * @param measureId     the measure
 * @param caseId        its case
 * @param passed        prompts that the index BLOCKs for this measure
 * @param failedPrompts prompts it no longer blocks (the measure needs remediation); kept on this node only
 * @param at            when the run finished
 */
public record ReplayResult(String measureId, String caseId, int passed, List<String> failedPrompts, Instant at) {

    public boolean allPassed() {
        return failedPrompts.isEmpty();
    }
}
