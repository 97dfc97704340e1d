package dev.takedown.review;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An internal complaint (legal-requirements §6.3).
 *
 * @param grounds    {@code NOT_ILLEGAL}, {@code NOT_TOS_VIOLATION}, {@code DISPROPORTIONATE}, {@code WRONG_ACCOUNT} or
 *                   {@code NO_ACTION_UNFOUNDED}
 * @param decisionId the decision complained about: a case decision, or the standing change of a suspension or
 *                   termination; absent, the decision the case was notified of
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AppealRequest(String grounds, String explanation, String decisionId) {}
