package dev.takedown.screening;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a measure matched a prompt, in UTF-16 offsets of the ORIGINAL prompt (so the platform can highlight it).
 *
 * @param measureId the measure whose rule matched
 * @param start     first offset, inclusive
 * @param end       last offset, exclusive
 * @param text      the original text in that range
 * @param term      the rule's term or combination phrase that matched
 * @param kind      {@code term} or {@code combination}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MatchedSpan(String measureId, int start, int end, String text, String term, String kind) {

    public static final String TERM = "term";
    public static final String COMBINATION = "combination";
}
