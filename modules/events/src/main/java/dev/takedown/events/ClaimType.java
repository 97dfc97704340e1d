package dev.takedown.events;

import java.util.Locale;
import java.util.Optional;

/**
 * The rights a notice may claim ({@code claim.right_type}), one vocabulary for intake, reports and the Transparency
 * Database: the rights of the PRC Copyright Law Art. 10, copyright as a whole (17 U.S.C. §106, EU copyright), the
 * personality rights of the PRC Civil Code Book IV, and the intellectual property and other areas of the Transparency
 * Database's categories. Which of them a notice may claim is decided by its jurisdiction profiles.
 */
public enum ClaimType {
    /** Copyright Law Art. 10(1) 发表权. */
    PUBLICATION(Kind.COPYRIGHT),
    /** Art. 10(2) 署名权. */
    ATTRIBUTION(Kind.COPYRIGHT),
    /** Art. 10(3) 修改权. */
    ALTERATION(Kind.COPYRIGHT),
    /** Art. 10(4) 保护作品完整权. */
    INTEGRITY(Kind.COPYRIGHT),
    /** Art. 10(5) 复制权; 17 U.S.C. §106(1). */
    COPYRIGHT_REPRODUCTION(Kind.COPYRIGHT),
    /** Art. 10(6) 发行权; §106(3). */
    DISTRIBUTION(Kind.COPYRIGHT),
    /** Art. 10(7) 出租权. */
    RENTAL(Kind.COPYRIGHT),
    /** Art. 10(8) 展览权; §106(5) display. */
    EXHIBITION(Kind.COPYRIGHT),
    /** Art. 10(9) 表演权; §106(4). */
    PERFORMANCE(Kind.COPYRIGHT),
    /** Art. 10(10) 放映权. */
    PROJECTION(Kind.COPYRIGHT),
    /** Art. 10(11) 广播权. */
    BROADCASTING(Kind.COPYRIGHT),
    /** Art. 10(12) 信息网络传播权. */
    NETWORK_DISSEMINATION(Kind.COPYRIGHT),
    /** Art. 10(13) 摄制权. */
    CINEMATISATION(Kind.COPYRIGHT),
    /** Art. 10(14) 改编权; §106(2) derivative works. */
    ADAPTATION(Kind.COPYRIGHT),
    /** Art. 10(15) 翻译权. */
    TRANSLATION(Kind.COPYRIGHT),
    /** Art. 10(16) 汇编权. */
    COMPILATION(Kind.COPYRIGHT),
    /** Art. 10(17) other rights of the copyright owner. */
    COPYRIGHT_OTHER(Kind.COPYRIGHT),
    /** Copyright as a whole, where the law names no separate rights in a notice (DMCA, EU). */
    COPYRIGHT(Kind.COPYRIGHT),
    /** Civil Code Art. 1012 姓名权. */
    NAME(Kind.PERSONALITY),
    /** Civil Code Art. 1018 肖像权. */
    PORTRAIT(Kind.PERSONALITY),
    /** Civil Code Art. 1024 名誉权. */
    REPUTATION(Kind.PERSONALITY),
    /** Civil Code Art. 1034 and PIPL; GDPR. */
    PERSONAL_INFO(Kind.PERSONAL_DATA),
    TRADEMARK(Kind.INDUSTRIAL_PROPERTY),
    DESIGN(Kind.INDUSTRIAL_PROPERTY),
    PATENT(Kind.INDUSTRIAL_PROPERTY),
    TRADE_SECRET(Kind.INDUSTRIAL_PROPERTY),
    GEOGRAPHIC_INDICATION(Kind.INDUSTRIAL_PROPERTY),
    /** Illegal on a ground outside intellectual property and personality rights. */
    OTHER_ILLEGAL(Kind.OTHER_ILLEGAL),
    /** Incompatible with the terms of service only, not illegal. */
    TOS_ONLY(Kind.TERMS);

    /** What area of law a right belongs to, which decides the Transparency Database category. */
    public enum Kind {
        COPYRIGHT,
        PERSONALITY,
        PERSONAL_DATA,
        INDUSTRIAL_PROPERTY,
        OTHER_ILLEGAL,
        TERMS
    }

    private final Kind kind;

    ClaimType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Exactly a constant's name (case and surrounding blanks aside); empty for anything else. */
    public static Optional<ClaimType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The category of a stored claim, also of one recorded before the vocabulary existed: {@link #OTHER_ILLEGAL} for
     * a value that is none of ours, {@link #COPYRIGHT} for none at all (every notice here is about a work unless it
     * says otherwise).
     */
    public static ClaimType ofRecorded(String value) {
        if (value == null || value.isBlank()) {
            return COPYRIGHT;
        }
        return parse(value).orElse(OTHER_ILLEGAL);
    }

    /** The Transparency Database category ({@code STATEMENT_CATEGORY_*}, v2). */
    public String statementCategory() {
        return switch (kind) {
            case COPYRIGHT, INDUSTRIAL_PROPERTY -> "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS";
            case PERSONALITY, PERSONAL_DATA -> "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS";
            case OTHER_ILLEGAL -> "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";
            case TERMS -> "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
        };
    }

    /** The Transparency Database keyword ({@code KEYWORD_*}) that specifies the category. */
    public String keyword() {
        return switch (this) {
            case TRADEMARK -> "KEYWORD_TRADEMARK_INFRINGEMENT";
            case DESIGN -> "KEYWORD_DESIGN_INFRINGEMENT";
            case PATENT -> "KEYWORD_PATENT_INFRINGEMENT";
            case TRADE_SECRET -> "KEYWORD_TRADE_SECRET_INFRINGEMENT";
            case GEOGRAPHIC_INDICATION -> "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT";
            case NAME, PORTRAIT, REPUTATION, PERSONAL_INFO, OTHER_ILLEGAL, TOS_ONLY -> "KEYWORD_OTHER";
            default -> "KEYWORD_COPYRIGHT_INFRINGEMENT";
        };
    }
}
