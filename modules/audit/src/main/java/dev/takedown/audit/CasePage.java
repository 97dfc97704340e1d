package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One page of search hits, newest first; {@code more} says whether the next page has any. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CasePage(List<CaseOverview> cases, int page, boolean more) {}
