package dev.takedown.notices.web;

import dev.takedown.notices.JurisdictionProfile;
import java.util.Map;
import java.util.Set;

/**
 * Which inputs of the notice wizard each profile shows and which its law requires (mirrors
 * {@link JurisdictionProfile}'s rules; the server's check stays the authority), and where each element of a notice
 * is entered.
 */
final class ProfileFields {

    private ProfileFields() {}

    /** Problem path → input of the notice form (and of the public complaint form). */
    static final Map<String, String> NOTICE_INPUTS = Map.ofEntries(
            Map.entry("notifier.legal_name", "notifierName"),
            Map.entry("notifier.email", "notifierEmail"),
            Map.entry("notifier.phone", "notifierPhone"),
            Map.entry("notifier.postal_address", "postalAddress"),
            Map.entry("notifier.identity_document.type", "identityType"),
            Map.entry("notifier.identity_document.number", "identityNumber"),
            Map.entry("notifier.identity_document", "identityNumber"),
            Map.entry("signature", "signature"),
            Map.entry("works", "workTitle"),
            Map.entry("targets", "targetUrls"),
            Map.entry("evidence", "evidenceUrl"),
            Map.entry("explanation", "explanation"),
            Map.entry("attestations.truthfulness_responsibility", "truthfulnessResponsibility"),
            Map.entry("attestations.good_faith", "goodFaith"),
            Map.entry("attestations.accuracy_authority_perjury", "accuracyAuthorityPerjury"),
            Map.entry("attestations.bona_fide_accurate_complete", "bonaFideAccurateComplete"));

    private static final Set<String> CN_SHOWN = Set.of(
            "notifierName",
            "notifierEmail",
            "notifierPhone",
            "identityType",
            "identityNumber",
            "workTitle",
            "targetUrls",
            "evidenceUrl",
            "evidenceDescription",
            "explanation",
            "truthfulnessResponsibility");
    private static final Set<String> CN_REQUIRED = Set.of(
            "notifierName",
            "identityType",
            "identityNumber",
            "workTitle",
            "targetUrls",
            "evidenceUrl",
            "truthfulnessResponsibility");

    static Set<String> shown(JurisdictionProfile profile) {
        return switch (profile) {
            case CN_CC_1195, CN_ECOM -> CN_SHOWN;
            case CN_REGS_2013 -> union(CN_SHOWN, Set.of("postalAddress"));
            case US_DMCA ->
                Set.of(
                        "notifierName",
                        "notifierEmail",
                        "notifierPhone",
                        "postalAddress",
                        "signature",
                        "workTitle",
                        "targetUrls",
                        "evidenceUrl",
                        "evidenceDescription",
                        "explanation",
                        "goodFaith",
                        "accuracyAuthorityPerjury");
            case EU_DSA ->
                Set.of(
                        "notifierName",
                        "notifierEmail",
                        "workTitle",
                        "targetUrls",
                        "evidenceUrl",
                        "evidenceDescription",
                        "explanation",
                        "bonaFideAccurateComplete");
        };
    }

    static Set<String> required(JurisdictionProfile profile) {
        return switch (profile) {
            case CN_CC_1195, CN_ECOM -> CN_REQUIRED;
            case CN_REGS_2013 -> union(CN_REQUIRED, Set.of("postalAddress", "notifierEmail"));
            case US_DMCA ->
                Set.of(
                        "notifierEmail",
                        "signature",
                        "workTitle",
                        "targetUrls",
                        "goodFaith",
                        "accuracyAuthorityPerjury");
            case EU_DSA ->
                Set.of("notifierName", "notifierEmail", "targetUrls", "explanation", "bonaFideAccurateComplete");
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
