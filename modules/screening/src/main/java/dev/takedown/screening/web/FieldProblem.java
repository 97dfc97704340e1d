package dev.takedown.screening.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One malformed element of a request, named by its JSON path or part name (same shape as the other modules'). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FieldProblem(String field, String message) {}
