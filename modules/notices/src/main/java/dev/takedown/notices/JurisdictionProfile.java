package dev.takedown.notices;

import dev.takedown.events.ClaimType;
import dev.takedown.events.SimilarUploads;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.TextBounds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The law a notice is filed under: which elements its notice and counter-notice must carry, and which legal family
 * (calendar, restoration rules) governs its timers. Each profile names what its statute requires, so a notifier
 * learns every missing element at once rather than one per attempt.
 */
public enum JurisdictionProfile {

    /** China Civil Code Art. 1195: preliminary evidence and the notifier's real identity (R3). */
    CN_CC_1195(Family.CN, JurisdictionProfile::chineseNotice),

    /** China E-Commerce Law Arts. 42–43: as the Civil Code, with a fixed 15-day wait after a declaration (R19). */
    CN_ECOM(Family.CN, JurisdictionProfile::chineseNotice),

    /** 2013 Regulations Arts. 14–17: name, contact and address; immediate restoration (R4, R21). Off by default. */
    CN_REGS_2013(Family.CN, (notice, problems) -> {
        chineseNotice(notice, problems);
        var notifier = notice.notifier();
        require(
                problems,
                notifier != null && present(notifier.postalAddress()),
                "notifier.postal_address",
                "the notifier's address is required (Regulations Art. 14(1))");
        require(
                problems,
                notifier != null && (present(notifier.email()) || present(notifier.phone())),
                "notifier.email",
                "contact details are required (Regulations Art. 14(1))");
    }),

    /** US 17 U.S.C. §512(c)(3)(A) elements (i)–(vi) (R5). */
    US_DMCA(Family.US, (notice, problems) -> {
        require(
                problems,
                notice.signature() != null && present(notice.signature().value()),
                "signature.value",
                "a physical or electronic signature is required (512(c)(3)(A)(i))");
        requireWorks(notice, problems);
        require(
                problems,
                hasContact(notice),
                "notifier.email",
                "contact information (email, phone or address) is required (512(c)(3)(A)(iv))");
        require(
                problems,
                attested(notice, NoticeSubmission.Attestations::goodFaith),
                "attestations.good_faith",
                "a good-faith statement is required (512(c)(3)(A)(v))");
        require(
                problems,
                attested(notice, NoticeSubmission.Attestations::accuracyAuthorityPerjury),
                "attestations.accuracy_authority_perjury",
                "a statement of accuracy and authority under penalty of perjury is required (512(c)(3)(A)(vi))");
    }),

    /** EU Digital Services Act Art. 16(2): explanation, exact location, name and email, bona fide statement (R7). */
    EU_DSA(Family.EU, (notice, problems) -> {
        require(
                problems,
                notice.explanation() != null && notice.explanation().strip().length() >= 20,
                "explanation",
                "a sufficiently substantiated explanation (at least 20 characters) is required (DSA 16(2)(a))");
        boolean csam = Boolean.TRUE.equals(notice.csamFlag());
        var notifier = notice.notifier();
        require(
                problems,
                csam || notifier != null && present(notifier.legalName()),
                "notifier.legal_name",
                "the notifier's name is required (DSA 16(2)(c))");
        require(
                problems,
                csam || notifier != null && present(notifier.email()),
                "notifier.email",
                "the notifier's email address is required (DSA 16(2)(c))");
        require(
                problems,
                attested(notice, NoticeSubmission.Attestations::bonaFideAccurateComplete),
                "attestations.bona_fide_accurate_complete",
                "a statement of bona fide belief in accuracy and completeness is required (DSA 16(2)(d))");
    });

    /**
     * The legal family decides the calendar, whether counter-notices exist at all, and which rights a notice may
     * claim: in China the rights of the Copyright Law Art. 10 and the personality and trademark rights Civil Code
     * 1195 protects; in the US copyright alone (17 U.S.C. §512 covers only infringement of the §106 rights); in the EU
     * every area of the Transparency Database's categories.
     */
    public enum Family {
        CN(EnumSet.complementOf(EnumSet.of(
                ClaimType.COPYRIGHT,
                ClaimType.DESIGN,
                ClaimType.PATENT,
                ClaimType.TRADE_SECRET,
                ClaimType.GEOGRAPHIC_INDICATION,
                ClaimType.OTHER_ILLEGAL,
                ClaimType.TOS_ONLY))),
        US(EnumSet.of(
                ClaimType.COPYRIGHT,
                ClaimType.COPYRIGHT_REPRODUCTION,
                ClaimType.ADAPTATION,
                ClaimType.DISTRIBUTION,
                ClaimType.PERFORMANCE,
                ClaimType.EXHIBITION)),
        EU(EnumSet.allOf(ClaimType.class));

        private final Set<ClaimType> claimTypes;

        Family(Set<ClaimType> claimTypes) {
            this.claimTypes = Collections.unmodifiableSet(claimTypes);
        }

        /** The rights a notice under this family may claim. */
        public Set<ClaimType> claimTypes() {
            return claimTypes;
        }

        /**
         * What screening answers for an upload resembling a blocked model: a stay-down duty in China, a human's
         * assessment where the law knows no general monitoring duty (DSA Art. 8, 17 U.S.C. §512(m)).
         */
        public SimilarUploads similarUploads() {
            return this == CN ? SimilarUploads.BLOCK : SimilarUploads.REVIEW;
        }
    }

    public static final JurisdictionProfile DEFAULT = CN_CC_1195;

    private final Family family;
    private final BiConsumer<NoticeSubmission, List<FieldProblem>> rules;

    JurisdictionProfile(Family family, BiConsumer<NoticeSubmission, List<FieldProblem>> rules) {
        this.family = family;
        this.rules = rules;
    }

    public Family family() {
        return family;
    }

    /** The profiles a notice names (the default when none), in order; the first governs its timers. */
    public static List<String> namesOf(NoticeSubmission notice) {
        return notice.jurisdictionProfiles().isEmpty() ? List.of(DEFAULT.name()) : notice.jurisdictionProfiles();
    }

    /**
     * Every problem of the notice under its profiles, plus the structural checks every profile shares. An empty list
     * means the notice is complete.
     */
    public static List<FieldProblem> check(NoticeSubmission notice) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> names = namesOf(notice);
        for (int i = 0; i < names.size(); i++) {
            JurisdictionProfile profile = byName(names.get(i));
            if (profile == null) {
                problems.add(new FieldProblem(
                        "jurisdiction_profiles[" + i + "]",
                        "unknown profile '" + names.get(i) + "'; known: " + List.of(values())));
            } else {
                profile.rules.accept(notice, problems);
            }
        }
        problems.addAll(checkClaimTypes(notice));
        requireTargets(notice, problems);
        var creation = notice.creationEvidence();
        if (creation != null && present(creation.originalPostUrl()) && !TargetUrl.isValid(creation.originalPostUrl())) {
            problems.add(new FieldProblem("creation_evidence.original_post_url", "not an absolute http(s) URL"));
        }
        problems.addAll(TextBounds.check(notice, LIMITS));
        return dedupe(problems);
    }

    /**
     * The rights the notice claims, each of which every profile it names must know: refused rather than cured,
     * because a claim outside the law's vocabulary cannot be acted on or reported. Unknown profiles are named
     * elsewhere.
     */
    public static List<FieldProblem> checkClaimTypes(NoticeSubmission notice) {
        List<String> claimed =
                notice.claim() == null ? List.of() : notice.claim().rightType();
        if (claimed.isEmpty()) {
            return List.of();
        }
        Set<ClaimType> allowed = EnumSet.allOf(ClaimType.class);
        List<String> profiles = new ArrayList<>();
        for (String name : namesOf(notice)) {
            JurisdictionProfile profile = byName(name);
            if (profile != null) {
                allowed.retainAll(profile.family().claimTypes());
                profiles.add(profile.name());
            }
        }
        List<String> refused = claimed.stream()
                .filter(c -> ClaimType.parse(c).filter(allowed::contains).isEmpty())
                .map(c -> "'" + abbreviate(String.valueOf(c)) + "'")
                .toList();
        if (refused.isEmpty()) {
            return List.of();
        }
        return List.of(new FieldProblem(
                "claim.right_type",
                "not a right a notice under " + profiles + " may claim: " + String.join(", ", refused) + "; allowed: "
                        + allowed));
    }

    /** Column sizes of what a notice is stored as; everything else defaults to {@link TextBounds#DEFAULT_MAX}. */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("notifier.legal_name", 500),
            Map.entry("notifier.email", 500),
            Map.entry("notifier.type", 40),
            Map.entry("works[].title", 1000),
            Map.entry("targets[].type", 40),
            Map.entry("targets[].account_id", 200),
            Map.entry("jurisdiction_profiles[]", 40),
            Map.entry("explanation", 20_000),
            Map.entry("targets[].produce_id", 200),
            Map.entry("targets[].model_id", 200),
            Map.entry("targets[].dataset_id", 200),
            Map.entry("targets[].item_id", 200));

    /**
     * Whether an incomplete notice is worth curing rather than refusing: it names a work, a locatable target and a
     * way to reach the notifier (DMCA 512(c)(3)(B)(ii): elements (ii)–(iv) present), and nothing in it is oversized.
     */
    public static boolean curable(NoticeSubmission notice) {
        List<FieldProblem> structural = new ArrayList<>();
        requireTargets(notice, structural);
        requireWorks(notice, structural);
        return structural.isEmpty()
                && hasContact(notice)
                && namesOf(notice).stream().allMatch(n -> byName(n) != null)
                && TextBounds.check(notice, LIMITS).isEmpty();
    }

    /** Every problem of a counter-notice filed against a case under this profile. */
    public List<FieldProblem> checkCounterNotice(CounterNoticeSubmission counter) {
        List<FieldProblem> problems = new ArrayList<>(TextBounds.check(counter, Map.of()));
        var user = counter.user();
        var material = counter.material();
        switch (family) {
            case CN -> {
                require(
                        problems,
                        user != null && present(user.legalName()),
                        "user.legal_name",
                        "the real name of the declarant is required (Civil Code 1196)");
                var id = user == null ? null : user.identityDocument();
                require(
                        problems,
                        id != null && present(id.type()) && present(id.number()),
                        "user.identity_document",
                        "an identity document is required (Civil Code 1196)");
                require(
                        problems,
                        user != null && (present(user.address()) || present(user.phone()) || present(user.email())),
                        "user.phone",
                        "contact details are required");
                require(
                        problems,
                        material != null && present(material.priorLocation()),
                        "material.prior_location",
                        "the network address of the material is required (Regulations Art. 16(2))");
                require(
                        problems,
                        !counter.nonInfringementEvidence().isEmpty(),
                        "non_infringement_evidence",
                        "preliminary evidence of non-infringement is required (Civil Code 1196)");
                require(
                        problems,
                        counter.attestations() != null
                                && Boolean.TRUE.equals(counter.attestations().truthfulnessResponsibility()),
                        "attestations.truthfulness_responsibility",
                        "the declarant must accept responsibility for the truth of the declaration");
            }
            case US -> {
                require(
                        problems,
                        counter.signature() != null
                                && present(counter.signature().value()),
                        "signature.value",
                        "a physical or electronic signature is required (512(g)(3)(A))");
                require(
                        problems,
                        material != null && present(material.identification()),
                        "material.identification",
                        "identify the material removed (512(g)(3)(B))");
                require(
                        problems,
                        material != null && present(material.priorLocation()),
                        "material.prior_location",
                        "the location where the material appeared is required (512(g)(3)(B))");
                require(
                        problems,
                        counter.statement() != null
                                && Boolean.TRUE.equals(counter.statement().mistakeOrMisidentificationPerjury()),
                        "statement.mistake_or_misidentification_perjury",
                        "a statement under penalty of perjury of mistake or misidentification is required (512(g)(3)(C))");
                require(
                        problems,
                        user != null && present(user.legalName()),
                        "user.legal_name",
                        "the subscriber's name is required (512(g)(3)(D))");
                require(
                        problems,
                        user != null && present(user.address()),
                        "user.address",
                        "the subscriber's address is required (512(g)(3)(D))");
                require(
                        problems,
                        user != null && present(user.phone()),
                        "user.phone",
                        "the subscriber's telephone number is required (512(g)(3)(D))");
                require(
                        problems,
                        Boolean.TRUE.equals(counter.consentToJurisdiction()),
                        "consent_to_jurisdiction",
                        "consent to the jurisdiction of the federal district court is required (512(g)(3)(D))");
                require(
                        problems,
                        Boolean.TRUE.equals(counter.acceptServiceOfProcess()),
                        "accept_service_of_process",
                        "acceptance of service of process is required (512(g)(3)(D))");
            }
            case EU ->
                problems.add(new FieldProblem(
                        "jurisdiction_profile",
                        "the DSA has no counter-notice; file an internal complaint (appeal) instead (DSA Art. 20)"));
        }
        return problems;
    }

    public static JurisdictionProfile byName(String name) {
        if ("US_DMCA_512C3".equals(name)) {
            return US_DMCA;
        }
        for (JurisdictionProfile profile : values()) {
            if (profile.name().equals(name)) {
                return profile;
            }
        }
        return null;
    }

    private static void chineseNotice(NoticeSubmission notice, List<FieldProblem> problems) {
        var notifier = notice.notifier();
        require(
                problems,
                notifier != null && present(notifier.legalName()),
                "notifier.legal_name",
                "real name of the notifier is required (Civil Code 1195)");
        var id = notifier == null ? null : notifier.identityDocument();
        require(
                problems,
                id != null && present(id.type()),
                "notifier.identity_document.type",
                "identity document type is required (resident ID, passport or business licence)");
        require(
                problems,
                id != null && present(id.number()),
                "notifier.identity_document.number",
                "identity document number is required");
        require(
                problems,
                !notice.evidence().isEmpty(),
                "evidence",
                "at least one item of preliminary evidence is required (Civil Code 1195)");
        requireWorks(notice, problems);
        require(
                problems,
                attested(notice, NoticeSubmission.Attestations::truthfulnessResponsibility),
                "attestations.truthfulness_responsibility",
                "the notifier must accept responsibility for the truth of the notice");
    }

    private static boolean hasContact(NoticeSubmission notice) {
        var notifier = notice.notifier();
        return notifier != null
                && (present(notifier.email()) || present(notifier.phone()) || present(notifier.postalAddress()));
    }

    private static void requireWorks(NoticeSubmission notice, List<FieldProblem> problems) {
        if (notice.works().isEmpty()) {
            problems.add(new FieldProblem("works", "at least one infringed work must be identified"));
        }
        for (int i = 0; i < notice.works().size(); i++) {
            var work = notice.works().get(i);
            require(
                    problems,
                    work != null && present(work.title()),
                    "works[" + i + "].title",
                    "the title of the work is required");
        }
    }

    private static void requireTargets(NoticeSubmission notice, List<FieldProblem> problems) {
        if (notice.targets().isEmpty()) {
            problems.add(new FieldProblem(
                    "targets", "at least one target (the infringing material's location) is required"));
        }
        for (int i = 0; i < notice.targets().size(); i++) {
            var target = notice.targets().get(i);
            String field = "targets[" + i + "].url";
            if (target != null && target.type() != null) {
                Optional<TargetType> type = TargetType.parse(target.type());
                if (type.isEmpty()) {
                    problems.add(new FieldProblem(
                            "targets[" + i + "].type",
                            "one of "
                                    + new TreeSet<>(Arrays.stream(TargetType.values())
                                            .map(Enum::name)
                                            .toList())));
                }
                requireIdentifiers(target, type.orElse(null), "targets[" + i + "].", problems);
            }
            if (target != null
                    && present(target.uploaderDeclaration())
                    && UploaderDeclaration.parse(target.uploaderDeclaration()).isEmpty()) {
                problems.add(new FieldProblem(
                        "targets[" + i + "].uploader_declaration",
                        "what the uploader declared on publishing: one of "
                                + Arrays.stream(UploaderDeclaration.values())
                                        .map(Enum::name)
                                        .toList()));
            }
            if (target == null || !present(target.url())) {
                problems.add(new FieldProblem(field, "the exact URL of the material is required"));
            } else if (!TargetUrl.isValid(target.url())) {
                problems.add(new FieldProblem(field, "not an absolute http(s) URL: " + abbreviate(target.url())));
            }
        }
    }

    /** AIGC targets are acted on by what identifies them, not only by their page: each type needs its own ids. */
    private static void requireIdentifiers(
            NoticeSubmission.Target target, TargetType type, String prefix, List<FieldProblem> problems) {
        switch (type == null ? TargetType.URL : type) {
            case GENERATED_OUTPUT ->
                require(
                        problems,
                        present(target.produceId()),
                        prefix + "produce_id",
                        "a generated output is identified by its ProduceID (GB 45438-2025 implicit label)");
            case MODEL ->
                require(
                        problems,
                        present(target.modelId()),
                        prefix + "model_id",
                        "a model is identified by its model id on the platform");
            case LORA ->
                require(
                        problems,
                        present(target.sha256()),
                        prefix + "sha256",
                        "a LoRA or checkpoint is identified by the SHA-256 of its file (its re-upload is blocked by hash)");
            case DATASET_ITEM -> {
                require(
                        problems,
                        present(target.datasetId()),
                        prefix + "dataset_id",
                        "the training dataset is required");
                require(problems, present(target.itemId()), prefix + "item_id", "the dataset item id is required");
            }
            default -> {}
        }
        if (present(target.generatedAt())) {
            try {
                Instant.parse(target.generatedAt());
            } catch (DateTimeParseException e) {
                problems.add(
                        new FieldProblem(prefix + "generated_at", "an ISO-8601 instant, e.g. 2025-09-01T08:00:00Z"));
            }
        }
        if (present(target.sha256()) && !SHA256.matcher(target.sha256()).matches()) {
            problems.add(new FieldProblem(prefix + "sha256", "64 hexadecimal characters (SHA-256 of the file)"));
        }
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        List<FieldProblem> unique = new ArrayList<>();
        for (FieldProblem problem : problems) {
            if (seen.add(problem.field())) {
                unique.add(problem);
            }
        }
        return unique;
    }

    private static void require(List<FieldProblem> problems, boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }

    private static boolean attested(
            NoticeSubmission notice, Function<NoticeSubmission.Attestations, Boolean> statement) {
        return notice.attestations() != null && Boolean.TRUE.equals(statement.apply(notice.attestations()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
