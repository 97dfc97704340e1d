package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One missing or malformed element of a notice, named by its JSON path (e.g. {@code targets[1].url}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FieldProblem(String field, String message) {}
