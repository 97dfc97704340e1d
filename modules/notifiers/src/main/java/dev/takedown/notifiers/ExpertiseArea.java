package dev.takedown.notifiers;

import dev.takedown.events.ClaimType;
import java.util.Locale;
import java.util.Optional;

/**
 * Areas of expertise of a trusted flagger, and the area a notice is about: the categories of the Commission's
 * Transparency Database ({@code STATEMENT_CATEGORY_*}, v2), so that what a Digital Services Coordinator awarded, what a
 * notice claims and what is reported use one vocabulary.
 */
public enum ExpertiseArea {
    ANIMAL_WELFARE,
    CONSUMER_INFORMATION,
    CYBER_VIOLENCE,
    CYBER_VIOLENCE_AGAINST_WOMEN,
    DATA_PROTECTION_AND_PRIVACY_VIOLATIONS,
    ILLEGAL_OR_HARMFUL_SPEECH,
    INTELLECTUAL_PROPERTY_INFRINGEMENTS,
    NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS,
    OTHER_VIOLATION_TC,
    PROTECTION_OF_MINORS,
    RISK_FOR_PUBLIC_SECURITY,
    SCAMS_AND_FRAUD,
    SELF_HARM,
    UNSAFE_AND_PROHIBITED_PRODUCTS,
    VIOLENCE;

    private static final String PREFIX = "STATEMENT_CATEGORY_";

    /** With or without the {@code STATEMENT_CATEGORY_} prefix, in any case; empty for anything else. */
    public static Optional<ExpertiseArea> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        name = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The area a notice's claim is about: its {@code category} when it names one, else what its right implies (a
     * notice naming no right is about a work, as every notice here is unless it says otherwise). Empty when the
     * category is unknown or the right implies no area.
     */
    public static Optional<ExpertiseArea> ofClaim(String category, String rightType) {
        if (category != null && !category.isBlank()) {
            return parse(category);
        }
        if (rightType == null || rightType.isBlank()) {
            return Optional.of(INTELLECTUAL_PROPERTY_INFRINGEMENTS);
        }
        // the claim-type vocabulary names the category; a right outside it never passed intake
        return ClaimType.parse(rightType).flatMap(type -> parse(type.statementCategory()));
    }

    /** The Transparency Database's name of this category. */
    public String statementCategory() {
        return PREFIX + name();
    }
}
