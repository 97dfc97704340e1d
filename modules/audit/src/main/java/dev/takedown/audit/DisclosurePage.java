package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Entries in time order; pass {@code next} as the cursor for the following page, null when this is the last. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DisclosurePage(List<Disclosure> items, String next) {}
