package dev.takedown.kernel;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One missing or malformed element of a request or document, named by its JSON path (e.g. {@code targets[1].url})
 * or its part name.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FieldProblem(String field, String message) {}
