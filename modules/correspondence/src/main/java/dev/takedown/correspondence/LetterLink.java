package dev.takedown.correspondence;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A link a letter carries (its page, evidence files), kept with its stored copy. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LetterLink(String label, String url) {}
