package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.kernel.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class JurisdictionProfileTest {

    private static NoticeSubmission.Notifier notifier(String email, NoticeSubmission.IdentityDocument id) {
        return new NoticeSubmission.Notifier("RIGHTS_HOLDER", "Studio A", email, null, null, "CN", id);
    }

    private static NoticeSubmission notice(
            List<String> profiles,
            NoticeSubmission.Notifier notifier,
            NoticeSubmission.Signature signature,
            List<NoticeSubmission.Evidence> evidence,
            NoticeSubmission.Attestations attestations,
            String url) {
        return new NoticeSubmission(
                profiles,
                null,
                notifier,
                null,
                signature,
                null,
                List.of(new NoticeSubmission.Work("Ultraman", List.of())),
                List.of(new NoticeSubmission.Target("URL", url)),
                evidence,
                null,
                List.of(),
                attestations);
    }

    @Test
    void chineseProfileNeedsIdentityEvidenceAndTruthfulness() {
        var problems = JurisdictionProfile.check(
                notice(List.of(), notifier(null, null), null, List.of(), null, "https://x.test/1"));

        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "notifier.identity_document.type",
                        "notifier.identity_document.number",
                        "evidence",
                        "attestations.truthfulness_responsibility");
    }

    @Test
    void aNotifierTypeLongerThanItsColumnIsNamedNotStored() {
        var problems = JurisdictionProfile.check(notice(
                List.of("CN_CC_1195"),
                new NoticeSubmission.Notifier(
                        "X".repeat(41),
                        "Studio A",
                        null,
                        null,
                        null,
                        "CN",
                        new NoticeSubmission.IdentityDocument("USCC", "9131")),
                null,
                List.of(new NoticeSubmission.Evidence("SCREENSHOT", "https://e.test/1", null, null)),
                new NoticeSubmission.Attestations(null, null, null, true),
                "https://x.test/1"));

        // an unverified type is stored as filed (notice.notifier_type, 40 characters): a longer one was a 500
        assertThat(problems).extracting(FieldProblem::field).containsExactly("notifier.type");
    }

    @Test
    void completeChineseNoticePasses() {
        var problems = JurisdictionProfile.check(notice(
                List.of("CN_CC_1195"),
                notifier(null, new NoticeSubmission.IdentityDocument("USCC", "9131")),
                null,
                List.of(new NoticeSubmission.Evidence("SCREENSHOT", "https://e.test/1", null, null)),
                new NoticeSubmission.Attestations(null, null, null, true),
                "https://x.test/1"));

        assertThat(problems).isEmpty();
    }

    @Test
    void dmcaProfileNeedsSignatureContactAndBothStatements() {
        var problems = JurisdictionProfile.check(notice(
                List.of("US_DMCA_512C3"),
                null,
                null,
                List.of(),
                new NoticeSubmission.Attestations(true, false, null, null),
                "https://x.test/1"));

        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "signature.value", "notifier.email", "attestations.accuracy_authority_perjury");
    }

    @Test
    void profilesAddUpAndEachFieldIsNamedOnce() {
        var problems = JurisdictionProfile.check(notice(
                List.of("CN_CC_1195", "US_DMCA_512C3", "XX_NOPE"),
                notifier("a@b.test", null),
                new NoticeSubmission.Signature("electronic", "/s/ A", null),
                List.of(),
                new NoticeSubmission.Attestations(true, true, null, true),
                "ftp://x.test/1"));

        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "notifier.identity_document.type",
                        "notifier.identity_document.number",
                        "evidence",
                        "jurisdiction_profiles[2]",
                        "targets[0].url");
    }

    @Test
    void anUploaderDeclarationThatIsNoneOfTheValuesIsNamed() {
        NoticeSubmission.Target declared = new NoticeSubmission.Target(
                "GENERATED_OUTPUT",
                "https://gen.example/o/1",
                null,
                "p-1",
                null,
                null,
                null,
                null,
                null,
                "AI_GENERATED");
        NoticeSubmission.Target untyped = new NoticeSubmission.Target(
                null, "https://gen.example/o/2", null, null, null, null, null, null, null, "yes");
        var problems = JurisdictionProfile.check(new NoticeSubmission(
                List.of("CN_CC_1195"),
                null,
                notifier("a@b.test", new NoticeSubmission.IdentityDocument("USCC", "91310000MA1FL0000X")),
                null,
                null,
                null,
                List.of(new NoticeSubmission.Work("Ultraman", List.of())),
                List.of(declared, untyped),
                List.of(new NoticeSubmission.Evidence("SCREENSHOT", "https://e.test/1.png", null, null)),
                null,
                List.of(),
                new NoticeSubmission.Attestations(null, null, null, true)));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("targets[1].uploader_declaration");
            assertThat(problem.message()).contains("AI_GENERATED", "NOT_AI_GENERATED");
        });
    }

    @Test
    void targetUrlsAreCanonical() {
        assertThat(TargetUrl.canonical("HTTPS://Gen.Example/a/../b?x=1#frag")).isEqualTo("https://gen.example/b?x=1");
        assertThat(TargetUrl.canonical("http://gen.example")).isEqualTo("http://gen.example/");
        assertThat(TargetUrl.isValid("javascript:alert(1)")).isFalse();
        assertThat(TargetUrl.isValid("not a url")).isFalse();
    }

    private static NoticeSubmission claiming(List<String> profiles, String... rights) {
        NoticeSubmission base = notice(
                profiles,
                notifier("legal@a.test", new NoticeSubmission.IdentityDocument("USCC", "91310000MA1FL0000X")),
                new NoticeSubmission.Signature("electronic", "/s/ Studio A", null),
                List.of(new NoticeSubmission.Evidence("SCREENSHOT", "https://evidence.a.test/1.png", null, null)),
                new NoticeSubmission.Attestations(true, true, true, true),
                "https://x.test/1");
        return new NoticeSubmission(
                base.jurisdictionProfiles(),
                null,
                base.notifier(),
                null,
                base.signature(),
                new NoticeSubmission.Claim(List.of(rights), null, null),
                base.works(),
                base.targets(),
                base.evidence(),
                "The images reproduce the protected character in detail.",
                List.of(),
                base.attestations());
    }

    @Test
    void aRightOutsideTheVocabularyIsRefusedNamingTheFieldAndTheAllowedValues() {
        var problems = JurisdictionProfile.checkClaimTypes(claiming(List.of("CN_CC_1195"), "BANANA"));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("claim.right_type");
        assertThat(problems.get(0).message())
                .contains("'BANANA'")
                .contains("NETWORK_DISSEMINATION", "ADAPTATION", "PORTRAIT", "TRADEMARK")
                .doesNotContain("PATENT");
        assertThat(JurisdictionProfile.check(claiming(List.of("CN_CC_1195"), "BANANA")))
                .as("the complete check names it too")
                .extracting(FieldProblem::field)
                .containsExactly("claim.right_type");
    }

    @Test
    void eachProfileAllowsTheRightsOfItsLaw() {
        // Copyright Law Art. 10 rights, personality and trademark under the Civil Code; several in one notice
        assertThat(JurisdictionProfile.checkClaimTypes(claiming(
                        List.of("CN_CC_1195"), "network_dissemination", "ADAPTATION", "PORTRAIT", "TRADEMARK")))
                .isEmpty();
        // the DMCA is about copyright (17 U.S.C. §106) only
        assertThat(JurisdictionProfile.checkClaimTypes(claiming(List.of("US_DMCA"), "COPYRIGHT", "ADAPTATION")))
                .isEmpty();
        assertThat(JurisdictionProfile.checkClaimTypes(claiming(List.of("US_DMCA"), "COPYRIGHT", "TRADEMARK")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("'TRADEMARK'")
                        .doesNotContain("'COPYRIGHT'")
                        .contains("allowed: [COPYRIGHT_REPRODUCTION, DISTRIBUTION, EXHIBITION, PERFORMANCE,"
                                + " ADAPTATION, COPYRIGHT]"));
        // the Transparency Database's areas in the EU
        assertThat(JurisdictionProfile.checkClaimTypes(claiming(List.of("EU_DSA"), "TRADE_SECRET", "TOS_ONLY")))
                .isEmpty();
        // a notice under two laws claims only what both know
        assertThat(JurisdictionProfile.checkClaimTypes(claiming(List.of("EU_DSA", "US_DMCA"), "PERSONAL_INFO")))
                .extracting(FieldProblem::field)
                .containsExactly("claim.right_type");
    }
}
