package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A moderator's decision on a review task.
 *
 * @param outcome  {@code ACCEPT} (with at least one measure) or {@code REJECT} (with a reason)
 * @param measures measure types from the catalogue, e.g. {@code DELETE}, {@code PROMPT_FILTER}
 * @param reason   the reasons, shown to both parties (DSA Art. 17(3)(d))
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecisionRequest(String outcome, List<String> measures, String reason) {

    public DecisionRequest {
        measures = measures == null ? List.of() : measures;
    }
}
