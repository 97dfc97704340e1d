package dev.takedown.audit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a statement against the TDB's enumerations and limits (legal-requirements §8.2, from the TDB's
 * StatementStoreRequest) before it is sent, so a statement the TDB would refuse is kept with the field at fault
 * instead of failing a whole batch. {@code category_specification} is checked against the keywords §8.2 lists, a
 * subset of the TDB's 69.
 */
public final class StatementValidator {

    static final Set<String> VISIBILITY = Set.of(
            "DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED",
            "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED",
            "DECISION_VISIBILITY_OTHER");
    static final Set<String> MONETARY =
            Set.of("DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER");
    static final Set<String> PROVISION = Set.of(
            "DECISION_PROVISION_PARTIAL_SUSPENSION",
            "DECISION_PROVISION_TOTAL_SUSPENSION",
            "DECISION_PROVISION_PARTIAL_TERMINATION",
            "DECISION_PROVISION_TOTAL_TERMINATION");
    static final Set<String> ACCOUNT = Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");
    static final Set<String> GROUND = Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    static final Set<String> CONTENT_TYPE = Set.of(
            "CONTENT_TYPE_APP",
            "CONTENT_TYPE_AUDIO",
            "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT",
            "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "CONTENT_TYPE_TEXT",
            "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");
    static final Set<String> CATEGORY = Set.of(
                    "ANIMAL_WELFARE",
                    "CONSUMER_INFORMATION",
                    "CYBER_VIOLENCE",
                    "CYBER_VIOLENCE_AGAINST_WOMEN",
                    "DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
                    "ILLEGAL_OR_HARMFUL_SPEECH",
                    "INTELLECTUAL_PROPERTY_INFRINGEMENTS",
                    "NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
                    "NOT_SPECIFIED_NOTICE",
                    "OTHER_VIOLATION_TC",
                    "PROTECTION_OF_MINORS",
                    "RISK_FOR_PUBLIC_SECURITY",
                    "SCAMS_AND_FRAUD",
                    "SELF_HARM",
                    "UNSAFE_AND_PROHIBITED_PRODUCTS",
                    "VIOLENCE")
            .stream()
            .map(c -> "STATEMENT_CATEGORY_" + c)
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> KEYWORDS = Set.of(
            "KEYWORD_COPYRIGHT_INFRINGEMENT",
            "KEYWORD_TRADEMARK_INFRINGEMENT",
            "KEYWORD_DESIGN_INFRINGEMENT",
            "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
            "KEYWORD_PATENT_INFRINGEMENT",
            "KEYWORD_TRADE_SECRET_INFRINGEMENT",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
            "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
            "KEYWORD_MISINFORMATION_DISINFORMATION",
            "KEYWORD_OTHER");
    static final Set<String> EU_EEA = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");
    static final Set<String> SOURCE =
            Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");
    static final Set<String> YES_NO = Set.of("Yes", "No");
    static final Set<String> AUTOMATED_DECISION =
            Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");
    private static final Pattern PUID = Pattern.compile("^[a-zA-Z0-9-_]+$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private StatementValidator() {}

    /** What is wrong, field by field; empty when the statement may be sent. */
    public static List<Problem> problems(StatementOfReasons s) {
        List<Problem> problems = new ArrayList<>();
        boolean visibility =
                s.decisionVisibility() != null && !s.decisionVisibility().isEmpty();
        if (!visibility
                && s.decisionMonetary() == null
                && s.decisionProvision() == null
                && s.decisionAccount() == null) {
            problems.add(new Problem(
                    "decision_visibility",
                    "at least one of decision_visibility, decision_monetary,"
                            + " decision_provision or decision_account is required"));
        }
        if (visibility) {
            allOf(problems, "decision_visibility", s.decisionVisibility(), VISIBILITY);
            if (s.decisionVisibility().contains("DECISION_VISIBILITY_OTHER")) {
                text(problems, "decision_visibility_other", s.decisionVisibilityOther(), 500, true);
            }
        }
        oneOf(problems, "decision_monetary", s.decisionMonetary(), MONETARY, false);
        oneOf(problems, "decision_provision", s.decisionProvision(), PROVISION, false);
        oneOf(problems, "decision_account", s.decisionAccount(), ACCOUNT, false);
        oneOf(problems, "decision_ground", s.decisionGround(), GROUND, true);
        if ("DECISION_GROUND_ILLEGAL_CONTENT".equals(s.decisionGround())) {
            text(problems, "illegal_content_legal_ground", s.illegalContentLegalGround(), 500, true);
            text(problems, "illegal_content_explanation", s.illegalContentExplanation(), 2000, true);
        }
        if ("DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(s.decisionGround())) {
            text(problems, "incompatible_content_ground", s.incompatibleContentGround(), 500, true);
            text(problems, "incompatible_content_explanation", s.incompatibleContentExplanation(), 2000, true);
            oneOf(problems, "incompatible_content_illegal", s.incompatibleContentIllegal(), YES_NO, false);
        }
        text(problems, "decision_ground_reference_url", s.decisionGroundReferenceUrl(), 500, false);
        if (s.contentType() == null || s.contentType().isEmpty()) {
            problems.add(new Problem("content_type", "is required"));
        } else {
            allOf(problems, "content_type", s.contentType(), CONTENT_TYPE);
            if (s.contentType().contains("CONTENT_TYPE_OTHER")) {
                problems.add(new Problem(
                        "content_type_other",
                        "CONTENT_TYPE_OTHER needs a description, which" + " these statements do not carry"));
            }
        }
        oneOf(problems, "category", s.category(), CATEGORY, true);
        if (s.categorySpecification() != null) {
            allOf(problems, "category_specification", s.categorySpecification(), KEYWORDS);
        }
        if (s.territorialScope() != null) {
            allOf(problems, "territorial_scope", s.territorialScope(), EU_EEA);
            if (s.territorialScope().isEmpty()) {
                problems.add(new Problem("territorial_scope", "the measures restrict in no EU or EEA country"));
            }
        }
        date(problems, "content_date", s.contentDate(), LocalDate.of(2000, 1, 1));
        date(problems, "application_date", s.applicationDate(), LocalDate.of(2020, 1, 1));
        endDate(problems, "end_date_visibility_restriction", s.endDateVisibilityRestriction(), s.applicationDate());
        endDate(problems, "end_date_monetary_restriction", s.endDateMonetaryRestriction(), s.applicationDate());
        endDate(problems, "end_date_service_restriction", s.endDateServiceRestriction(), s.applicationDate());
        endDate(problems, "end_date_account_restriction", s.endDateAccountRestriction(), s.applicationDate());
        text(problems, "decision_facts", s.decisionFacts(), 5000, true);
        oneOf(problems, "source_type", s.sourceType(), SOURCE, true);
        oneOf(problems, "automated_detection", s.automatedDetection(), YES_NO, true);
        oneOf(problems, "automated_decision", s.automatedDecision(), AUTOMATED_DECISION, true);
        text(problems, "puid", s.puid(), 500, true);
        if (s.puid() != null && !s.puid().isEmpty() && !PUID.matcher(s.puid()).matches()) {
            problems.add(new Problem("puid", "must match " + PUID.pattern()));
        }
        return List.copyOf(problems);
    }

    private static void oneOf(
            List<Problem> problems, String field, String value, Set<String> allowed, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
        } else if (!allowed.contains(value)) {
            problems.add(new Problem(field, "'" + value + "' is not an allowed value"));
        }
    }

    private static void allOf(List<Problem> problems, String field, List<String> values, Set<String> allowed) {
        values.stream()
                .filter(v -> !allowed.contains(v))
                .findFirst()
                .ifPresent(v -> problems.add(new Problem(field, "'" + v + "' is not an allowed value")));
    }

    private static void text(List<Problem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
        } else if (value.length() > max) {
            problems.add(
                    new Problem(field, "is " + value.length() + " characters long; at most " + max + " are allowed"));
        }
    }

    private static void date(List<Problem> problems, String field, String value, LocalDate earliest) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
            return;
        }
        try {
            if (!DATE.matcher(value).matches() || LocalDate.parse(value).isBefore(earliest)) {
                problems.add(new Problem(field, "must be a YYYY-MM-DD date on or after " + earliest));
            }
        } catch (DateTimeParseException notADate) {
            problems.add(new Problem(field, "must be a YYYY-MM-DD date on or after " + earliest));
        }
    }

    /** Blank is allowed (indefinite); a date must not lie before the restriction applied. */
    private static void endDate(List<Problem> problems, String field, String value, String applicationDate) {
        if (value == null) {
            return;
        }
        try {
            if (!DATE.matcher(value).matches()
                    || (applicationDate != null
                            && DATE.matcher(applicationDate).matches()
                            && LocalDate.parse(value).isBefore(LocalDate.parse(applicationDate)))) {
                problems.add(new Problem(field, "must be a YYYY-MM-DD date on or after the application date"));
            }
        } catch (DateTimeParseException notADate) {
            problems.add(new Problem(field, "must be a YYYY-MM-DD date on or after the application date"));
        }
    }

    /** A field of the statement and what is wrong with it. */
    public record Problem(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
