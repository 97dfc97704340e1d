package dev.takedown.screening;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer for one generation prompt.
 *
 * @param decision           ALLOW, REVIEW (only combinations matched) or BLOCK (a term matched)
 * @param measureIds         measures that matched and apply to the account, sorted
 * @param spans              what matched, in the original prompt
 * @param licensedMeasureIds measures that matched but license the account, sorted
 * @param warning            the risk warning to show the user (zh-CN and en); null on ALLOW
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PromptVerdict(
        Decision decision,
        List<String> measureIds,
        List<MatchedSpan> spans,
        List<String> licensedMeasureIds,
        String warning) {}
