package dev.takedown.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provisions the engine executes, one vocabulary for the ledger's legal basis, statements of reasons and the
 * Transparency Database's legal ground: which statute and article a step of a case carries out under each
 * jurisdiction profile (legal-requirements §5).
 */
public enum LegalGround {
    CIVIL_CODE_1195("PRC Civil Code", "Art. 1195"),
    CIVIL_CODE_1196("PRC Civil Code", "Art. 1196"),
    ECOMMERCE_LAW_42("PRC E-Commerce Law", "Art. 42"),
    ECOMMERCE_LAW_43("PRC E-Commerce Law", "Art. 43"),
    REGULATIONS_2013_14(
            "Regulations on the Protection of the Right of Dissemination via Information Network", "Art. 14"),
    REGULATIONS_2013_15(
            "Regulations on the Protection of the Right of Dissemination via Information Network", "Art. 15"),
    REGULATIONS_2013_16(
            "Regulations on the Protection of the Right of Dissemination via Information Network", "Art. 16"),
    REGULATIONS_2013_17(
            "Regulations on the Protection of the Right of Dissemination via Information Network", "Art. 17"),
    GENAI_MEASURES_14("Interim Measures for the Management of Generative AI Services", "Art. 14"),
    DMCA_512_C_1_C("17 U.S.C.", "§512(c)(1)(C)"),
    DMCA_512_C_3("17 U.S.C.", "§512(c)(3)"),
    DMCA_512_G_2_B("17 U.S.C.", "§512(g)(2)(B)"),
    DMCA_512_G_2_C("17 U.S.C.", "§512(g)(2)(C)"),
    DMCA_512_I_1_A("17 U.S.C.", "§512(i)(1)(A)"),
    DSA_16("Regulation (EU) 2022/2065 (DSA)", "Art. 16"),
    DSA_17("Regulation (EU) 2022/2065 (DSA)", "Art. 17"),
    DSA_20("Regulation (EU) 2022/2065 (DSA)", "Art. 20"),
    DSA_23("Regulation (EU) 2022/2065 (DSA)", "Art. 23");

    /** A step of a case that executes a provision. */
    public enum Step {
        NOTICE_RECEIVED,
        DECIDED,
        /** A measure on content or its distribution (removal, disabling, demotion, labelling…). */
        CONTENT_MEASURE,
        /** A measure on generation or on a model (filters, stopped generation or transmission, remediation). */
        GENERATION_MEASURE,
        /** A measure on an uploader's account or service (repeat infringers, Art. 23). */
        ACCOUNT_MEASURE,
        COUNTER_NOTICE_FILED,
        /** Measures lifted because a counter-notice went unanswered by proceedings. */
        RESTORED_AFTER_COUNTER_NOTICE,
        /** Measures lifted, or imposed, because a complaint reversed the decision. */
        COMPLAINT_DECIDED
    }

    private final String statute;
    private final String article;

    LegalGround(String statute, String article) {
        this.statute = statute;
        this.article = article;
    }

    public String statute() {
        return statute;
    }

    public String article() {
        return article;
    }

    /** How the provision is cited: statute and article. */
    public String citation() {
        return statute + " " + article;
    }

    /**
     * What {@code step} executes under the profile named {@code profile} ({@code JurisdictionProfile} names); empty
     * where that law prescribes nothing for the step (the platform's terms govern it) or the profile is unknown.
     */
    public static List<LegalGround> of(String profile, Step step) {
        return switch (profile == null ? "" : profile) {
            case "CN_CC_1195" ->
                switch (step) {
                    case NOTICE_RECEIVED, DECIDED, CONTENT_MEASURE -> List.of(CIVIL_CODE_1195);
                    case GENERATION_MEASURE, ACCOUNT_MEASURE -> List.of(CIVIL_CODE_1195, GENAI_MEASURES_14);
                    case COUNTER_NOTICE_FILED, RESTORED_AFTER_COUNTER_NOTICE -> List.of(CIVIL_CODE_1196);
                    case COMPLAINT_DECIDED -> List.of();
                };
            case "CN_ECOM" ->
                switch (step) {
                    case NOTICE_RECEIVED, DECIDED, CONTENT_MEASURE -> List.of(ECOMMERCE_LAW_42);
                    case GENERATION_MEASURE, ACCOUNT_MEASURE -> List.of(ECOMMERCE_LAW_42, GENAI_MEASURES_14);
                    case COUNTER_NOTICE_FILED, RESTORED_AFTER_COUNTER_NOTICE -> List.of(ECOMMERCE_LAW_43);
                    case COMPLAINT_DECIDED -> List.of();
                };
            case "CN_REGS_2013" ->
                switch (step) {
                    case NOTICE_RECEIVED -> List.of(REGULATIONS_2013_14);
                    case DECIDED, CONTENT_MEASURE -> List.of(REGULATIONS_2013_15);
                    case GENERATION_MEASURE, ACCOUNT_MEASURE -> List.of(REGULATIONS_2013_15, GENAI_MEASURES_14);
                    case COUNTER_NOTICE_FILED -> List.of(REGULATIONS_2013_16);
                    case RESTORED_AFTER_COUNTER_NOTICE -> List.of(REGULATIONS_2013_17);
                    case COMPLAINT_DECIDED -> List.of();
                };
            case "US_DMCA" ->
                switch (step) {
                    case NOTICE_RECEIVED -> List.of(DMCA_512_C_3);
                    case DECIDED, CONTENT_MEASURE, GENERATION_MEASURE -> List.of(DMCA_512_C_1_C);
                    case ACCOUNT_MEASURE -> List.of(DMCA_512_I_1_A);
                    case COUNTER_NOTICE_FILED -> List.of(DMCA_512_G_2_B);
                    case RESTORED_AFTER_COUNTER_NOTICE -> List.of(DMCA_512_G_2_C);
                    case COMPLAINT_DECIDED -> List.of();
                };
            case "EU_DSA" ->
                switch (step) {
                    case NOTICE_RECEIVED -> List.of(DSA_16);
                    case DECIDED, CONTENT_MEASURE, GENERATION_MEASURE -> List.of(DSA_16, DSA_17);
                    case ACCOUNT_MEASURE -> List.of(DSA_23, DSA_17);
                    // the DSA has no counter-notice; a restriction ends on a complaint (Art. 20)
                    case COUNTER_NOTICE_FILED, RESTORED_AFTER_COUNTER_NOTICE -> List.of();
                    case COMPLAINT_DECIDED -> List.of(DSA_20, DSA_17);
                };
            default -> List.of();
        };
    }

    /**
     * The legal basis of a step under every profile of its case, as the ledger records it: per profile with a
     * provision, {@code PROFILE: statute article + statute article}, profiles separated by {@code "; "}. Null where no
     * profile prescribes anything.
     */
    public static String basis(List<String> profiles, Step step) {
        List<String> parts = new ArrayList<>();
        for (String profile : new LinkedHashSet<>(profiles)) {
            Set<String> citations = of(profile, step).stream()
                    .map(LegalGround::citation)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!citations.isEmpty()) {
                parts.add(profile + ": " + String.join(" + ", citations));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
