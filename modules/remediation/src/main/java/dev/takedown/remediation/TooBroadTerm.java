package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One added term refused for its breadth, named by its field ({@code added_terms[2]}): the share of the benign corpus
 * it blocks and the share allowed ({@code takedown.remediation.max-benign-block-share}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TooBroadTerm(String field, String message, String term, double benignShare, double maxShare) {}
