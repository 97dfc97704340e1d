package dev.takedown.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A measure a decision imposes, in the API either its type alone ({@code "DELETE"}) or an object that gives it a
 * scope of its own ({@code {"type": "GEO_BLOCK", "countries": ["DE"], "end_date": "2026-06-30"}}), DSA Art. 17(3)(a).
 *
 * @param type      a measure type from the catalogue
 * @param countries where this measure restricts, ISO 3166-1 alpha-2 codes, empty = worldwide; null = the decision's
 * @param endDate   its last day ({@code YYYY-MM-DD}, after today); null = the decision's
 */
public record MeasureChoice(String type, List<String> countries, String endDate) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public MeasureChoice(
            @JsonProperty("type") String type,
            @JsonProperty("countries") List<String> countries,
            @JsonProperty("end_date") String endDate) {
        this.type = type;
        this.countries = countries;
        this.endDate = endDate;
    }

    /** The type alone: the measure restricts where and as long as the decision says. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MeasureChoice of(String type) {
        return new MeasureChoice(type, null, null);
    }

    public static List<MeasureChoice> of(List<String> types) {
        return types == null ? null : types.stream().map(MeasureChoice::of).toList();
    }
}
