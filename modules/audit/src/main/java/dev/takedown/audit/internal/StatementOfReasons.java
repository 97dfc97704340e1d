package dev.takedown.audit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A statement of reasons as the DSA Transparency Database API takes it (legal-requirements §8.2); the JSON names are
 * the API's. Fields this platform never sets (content ids, language, T&C grounds, end dates) are left out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementOfReasons(
        List<String> decisionVisibility,
        String decisionVisibilityOther,
        String decisionMonetary,
        String decisionProvision,
        String decisionAccount,
        String decisionGround,
        String decisionGroundReferenceUrl,
        String illegalContentLegalGround,
        String illegalContentExplanation,
        String incompatibleContentGround,
        String incompatibleContentExplanation,
        String incompatibleContentIllegal,
        List<String> contentType,
        String category,
        List<String> categorySpecification,
        List<String> territorialScope,
        String contentDate,
        String applicationDate,
        String endDateVisibilityRestriction,
        String endDateMonetaryRestriction,
        String endDateServiceRestriction,
        String endDateAccountRestriction,
        String decisionFacts,
        String sourceType,
        String automatedDetection,
        String automatedDecision,
        String puid) {}
