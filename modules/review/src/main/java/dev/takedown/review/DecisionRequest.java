package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A moderator's decision on a review task.
 *
 * @param outcome             on a review {@code ACCEPT} (with at least one measure) or {@code REJECT} (with a reason);
 *                            on a confirmation {@code CONFIRM} or {@code OVERTURN}; on an appeal {@code UPHOLD} or
 *                            {@code REVERSE}
 * @param measures            measure types from the catalogue, e.g. {@code DELETE}, {@code PROMPT_FILTER}, each with
 *                            its own countries and last day where it differs from the decision's
 *                            ({@link MeasureChoice})
 * @param reason              the reasons, shown to both parties (DSA Art. 17(3)(d))
 * @param manifestlyUnfounded on a rejection: the notice was manifestly unfounded (counts towards DSA Art. 23(2))
 * @param intentional         the moderator found intent (DSA Art. 23(3)(d)): on a manifestly unfounded notice, its
 *                            notifier's; on an acceptance, the uploader's. Intentional misuse weighs more
 * @param countries           on an acceptance or a reversal imposing measures: where those without their own restrict, ISO 3166-1
 *                            alpha-2 codes; none = worldwide (DSA Art. 17(3)(a))
 * @param endDate             the last day the measures apply ({@code YYYY-MM-DD}, after today); none = until further
 *                            notice
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecisionRequest(
        String outcome,
        List<MeasureChoice> measures,
        String reason,
        Boolean manifestlyUnfounded,
        Boolean intentional,
        List<String> countries,
        String endDate) {

    public DecisionRequest {
        measures = measures == null ? List.of() : measures;
        countries = countries == null ? List.of() : countries;
    }

    public DecisionRequest(
            String outcome, List<String> measures, String reason, Boolean manifestlyUnfounded, Boolean intentional) {
        this(outcome, MeasureChoice.of(measures), reason, manifestlyUnfounded, intentional, null, null);
    }

    public DecisionRequest(String outcome, List<String> measures, String reason) {
        this(outcome, measures, reason, null, null);
    }

    boolean intent() {
        return Boolean.TRUE.equals(intentional);
    }
}
