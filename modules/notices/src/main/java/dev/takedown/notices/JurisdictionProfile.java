package dev.takedown.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Completeness rules of a notice under one law. Each profile names what its statute requires, so a
 * notifier learns every missing element at once rather than one per attempt.
 */
public enum JurisdictionProfile {

    /** China Civil Code Art. 1195: preliminary evidence and the notifier's real identity (R3). */
    CN_CC_1195((notice, problems) -> {
        var notifier = notice.notifier();
        require(problems, notifier != null && present(notifier.legalName()), "notifier.legal_name",
                "real name of the notifier is required (Civil Code 1195)");
        var id = notifier == null ? null : notifier.identityDocument();
        require(problems, id != null && present(id.type()), "notifier.identity_document.type",
                "identity document type is required (resident ID, passport or business licence)");
        require(problems, id != null && present(id.number()), "notifier.identity_document.number",
                "identity document number is required");
        require(problems, !notice.evidence().isEmpty(), "evidence",
                "at least one item of preliminary evidence is required (Civil Code 1195)");
        requireWorks(notice, problems);
        require(problems, attested(notice, JurisdictionProfile::truthfulness),
                "attestations.truthfulness_responsibility",
                "the notifier must accept responsibility for the truth of the notice");
    }),

    /** US 17 U.S.C. §512(c)(3)(A) elements (i)-(vi) (R5). */
    US_DMCA_512C3((notice, problems) -> {
        require(problems, notice.signature() != null && present(notice.signature().value()), "signature.value",
                "a physical or electronic signature is required (512(c)(3)(A)(i))");
        requireWorks(notice, problems);
        var notifier = notice.notifier();
        require(problems, notifier != null
                && (present(notifier.email()) || present(notifier.phone()) || present(notifier.postalAddress())),
                "notifier.email", "contact information (email, phone or address) is required (512(c)(3)(A)(iv))");
        require(problems, attested(notice, JurisdictionProfile::goodFaith), "attestations.good_faith",
                "a good-faith statement is required (512(c)(3)(A)(v))");
        require(problems, attested(notice, JurisdictionProfile::perjury), "attestations.accuracy_authority_perjury",
                "a statement of accuracy and authority under penalty of perjury is required (512(c)(3)(A)(vi))");
    });

    public static final JurisdictionProfile DEFAULT = CN_CC_1195;

    private final BiConsumer<NoticeSubmission, List<FieldProblem>> rules;

    JurisdictionProfile(BiConsumer<NoticeSubmission, List<FieldProblem>> rules) {
        this.rules = rules;
    }

    /**
     * Every problem of the notice under the given profiles (the default profile when none is named), plus the
     * structural checks every profile shares. An empty list means the notice is complete.
     */
    public static List<FieldProblem> check(NoticeSubmission notice) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> names = notice.jurisdictionProfiles().isEmpty()
                ? List.of(DEFAULT.name()) : notice.jurisdictionProfiles();
        for (int i = 0; i < names.size(); i++) {
            JurisdictionProfile profile = byName(names.get(i));
            if (profile == null) {
                problems.add(new FieldProblem("jurisdiction_profiles[" + i + "]",
                        "unknown profile '" + names.get(i) + "'; known: " + List.of(values())));
            } else {
                profile.rules.accept(notice, problems);
            }
        }
        requireTargets(notice, problems);
        return dedupe(problems);
    }

    public static JurisdictionProfile byName(String name) {
        for (JurisdictionProfile profile : values()) {
            if (profile.name().equals(name)) {
                return profile;
            }
        }
        return null;
    }

    private static void requireWorks(NoticeSubmission notice, List<FieldProblem> problems) {
        if (notice.works().isEmpty()) {
            problems.add(new FieldProblem("works", "at least one infringed work must be identified"));
        }
        for (int i = 0; i < notice.works().size(); i++) {
            var work = notice.works().get(i);
            require(problems, work != null && present(work.title()), "works[" + i + "].title",
                    "the title of the work is required");
        }
    }

    private static void requireTargets(NoticeSubmission notice, List<FieldProblem> problems) {
        if (notice.targets().isEmpty()) {
            problems.add(new FieldProblem("targets", "at least one target (the infringing material's location) is required"));
        }
        for (int i = 0; i < notice.targets().size(); i++) {
            var target = notice.targets().get(i);
            String field = "targets[" + i + "].url";
            if (target == null || !present(target.url())) {
                problems.add(new FieldProblem(field, "the exact URL of the material is required"));
            } else if (!TargetUrl.isValid(target.url())) {
                problems.add(new FieldProblem(field, "not an absolute http(s) URL: " + abbreviate(target.url())));
            }
        }
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        List<FieldProblem> unique = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (FieldProblem problem : problems) {
            if (!seen.contains(problem.field())) {
                seen.add(problem.field());
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

    private static boolean attested(NoticeSubmission notice,
            java.util.function.Function<NoticeSubmission.Attestations, Boolean> statement) {
        return notice.attestations() != null && Boolean.TRUE.equals(statement.apply(notice.attestations()));
    }

    private static Boolean truthfulness(NoticeSubmission.Attestations a) {
        return a.truthfulnessResponsibility();
    }

    private static Boolean goodFaith(NoticeSubmission.Attestations a) {
        return a.goodFaith();
    }

    private static Boolean perjury(NoticeSubmission.Attestations a) {
        return a.accuracyAuthorityPerjury();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
