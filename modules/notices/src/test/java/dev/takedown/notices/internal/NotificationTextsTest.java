package dev.takedown.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every text the case sends, in English and Chinese, carries the items the law requires of it. */
class NotificationTextsTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final NotificationTexts texts = new NotificationTexts();

    @Test
    void bothLanguagesHaveEveryText() throws IOException {
        assertThat(bundle("notices/notifications_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        bundle("notices/notifications.properties").stringPropertyNames());
    }

    @Test
    void theNotifierReadsItsOwnLanguageElseItsProfilesFamilys() {
        assertThat(NotificationTexts.forNotifier("zh-CN", JurisdictionProfile.EU_DSA))
                .isEqualTo(ZH);
        assertThat(NotificationTexts.forNotifier("zh_Hans", JurisdictionProfile.US_DMCA))
                .isEqualTo(ZH);
        assertThat(NotificationTexts.forNotifier("en", JurisdictionProfile.CN_CC_1195))
                .isEqualTo(EN);
        assertThat(NotificationTexts.forNotifier("de", JurisdictionProfile.CN_ECOM))
                .as("a language we do not write in gets English")
                .isEqualTo(EN);
        assertThat(NotificationTexts.forNotifier(null, JurisdictionProfile.CN_ECOM))
                .isEqualTo(ZH);
        assertThat(NotificationTexts.forNotifier(" ", JurisdictionProfile.EU_DSA))
                .isEqualTo(EN);
        assertThat(NotificationTexts.of(JurisdictionProfile.CN_CC_1195)).isEqualTo(ZH);
        assertThat(NotificationTexts.of(JurisdictionProfile.US_DMCA)).isEqualTo(EN);
    }

    @Test
    void cureRequestNamesWhatIsMissingAndTheDeadline() {
        String missing = "signature.value (is required)";

        assertThat(texts.cureRequest(EN, "case-1", 14, missing))
                .satisfies(t -> assertThat(t.subject()).contains("case-1"))
                .satisfies(t -> assertThat(t.body()).contains("14 days", missing, "closed"));
        assertThat(texts.cureRequest(ZH, "case-1", 14, missing))
                .satisfies(t -> assertThat(t.subject()).contains("case-1", "不完整"))
                .satisfies(t -> assertThat(t.body()).contains("14日", missing, "关闭"));
    }

    @Test
    void closingAsIncompleteNamesTheMissingElements() {
        assertThat(texts.closedIncomplete(EN, "case-1", "signature.value").body())
                .contains("signature.value", "new, complete notice");
        assertThat(texts.closedIncomplete(ZH, "case-1", "signature.value").body())
                .contains("signature.value", "重新提交");
    }

    /** DSA Art. 16(5)–(6): the decision, its reasons, that a person took it, and the redress. */
    @ParameterizedTest
    @EnumSource(JurisdictionProfile.class)
    void decisionForTheNotifierCarriesOutcomeReasonsHumanDecisionAndRedress(JurisdictionProfile profile) {
        boolean eu = profile.family() == JurisdictionProfile.Family.EU;

        NotificationTexts.Text english = texts.decision(
                EN, CaseOutcome.ACTION_TAKEN, Verdict.ACCEPT, List.of("DELETE", "PROMPT_FILTER"), "copies", profile);
        assertThat(english.subject()).isEqualTo("Decision on your notice: measures taken");
        assertThat(english.body())
                .contains(
                        "Measures taken: DELETE, PROMPT_FILTER", "Reasons: copies", "by a person", "internal complaint")
                .contains("the courts");
        assertThat(english.body().contains("out-of-court dispute settlement (DSA Art. 21)"))
                .isEqualTo(eu);

        NotificationTexts.Text chinese =
                texts.decision(ZH, CaseOutcome.NO_ACTION, Verdict.REJECT, List.of(), "戏仿", profile);
        assertThat(chinese.subject()).isEqualTo("对您通知的处理结果：未采取措施");
        assertThat(chinese.body()).contains("未采取措施", "理由：戏仿", "人工作出", "内部申诉", "法院");
        assertThat(chinese.body().contains("庭外争议解决（《数字服务法》第21条）")).isEqualTo(eu);
    }

    @Test
    void anOverturnedDecisionSaysSo() {
        assertThat(texts.decision(
                                EN,
                                CaseOutcome.NO_ACTION,
                                Verdict.OVERTURN,
                                List.of(),
                                "disproportionate",
                                JurisdictionProfile.US_DMCA)
                        .body())
                .contains("No action taken", "Reasons: overturned on second review: disproportionate");
        assertThat(texts.decision(
                                ZH,
                                CaseOutcome.NO_ACTION,
                                Verdict.OVERTURN,
                                List.of(),
                                "不相称",
                                JurisdictionProfile.CN_CC_1195)
                        .body())
                .contains("理由：经二次审核推翻：不相称");
    }

    /** Another organisation's joined notice learns the outcome and the redress, nothing of the case itself. */
    @Test
    void aJoinedNoticeLearnsOutcomeAndRedressOnly() {
        NotificationTexts.Text english = texts.joinedDecision(EN, CaseOutcome.ACTION_TAKEN, JurisdictionProfile.EU_DSA);
        assertThat(english.subject()).isEqualTo("Decision on your notice: measures taken");
        assertThat(english.body())
                .contains("Outcome: measures taken", "by a person", "out-of-court dispute settlement (DSA Art. 21)")
                .doesNotContain("Reasons", "Measures taken:");

        assertThat(texts.joinedDecision(ZH, CaseOutcome.NO_ACTION, JurisdictionProfile.CN_ECOM)
                        .body())
                .contains("处理结果：未采取措施", "人工作出", "内部申诉")
                .doesNotContain("理由");
    }

    /** DSA Art. 17(3)(a)–(f), with the counter-notice route of each family (Civil Code 1196, 17 U.S.C. 512(g)). */
    @Test
    void statementOfReasonsHasEveryItemInBothLanguages() {
        String target = "https://gen.example/p/1";
        for (Locale language : List.of(EN, ZH)) {
            for (JurisdictionProfile profile : JurisdictionProfile.values()) {
                NotificationTexts.Text statement =
                        texts.statementOfReasons(language, target, List.of("DELETE"), "copies", "Ultraman", profile);
                assertThat(statement.body())
                        .as("%s in %s", profile, language)
                        .contains("(a) ", "(b) ", "(c) ", "(d) ", "(e) ", "(f) ")
                        .contains("DELETE", target, "Ultraman", "copies");
            }
        }

        String english = texts.statementOfReasons(
                        EN, target, List.of("DELETE"), null, "Ultraman", JurisdictionProfile.CN_CC_1195)
                .body();
        assertThat(english)
                .contains("(a) Measure: DELETE on " + target + "; duration: until further notice")
                .contains("infringing the work 'Ultraman'", "The notifier's identity is not disclosed")
                .contains("(c) Automated means: none", "(d) Legal ground: infringement of intellectual property rights")
                .contains("(e) Terms and conditions: not relied on.", "(f) Redress: ", "Civil Code 1196")
                .contains("Out-of-court dispute settlement and the courts remain open.")
                .doesNotContain("explanation");
        assertThat(texts.statementOfReasons(EN, target, List.of("DELETE"), null, "W", JurisdictionProfile.US_DMCA)
                        .body())
                .contains("17 U.S.C. 512(g)(3)", "10 to 14 business days");
        assertThat(texts.statementOfReasons(EN, target, List.of("DELETE"), null, "W", JurisdictionProfile.EU_DSA)
                        .body())
                .contains("internal complaint free of charge within six months (DSA Art. 20)");

        assertThat(texts.statementOfReasons(ZH, target, List.of("DELETE"), null, "奥特曼", JurisdictionProfile.CN_ECOM))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("关于您内容的通知"))
                .satisfies(t -> assertThat(t.body())
                        .contains("(a) 措施：对 " + target + " 采取 DELETE", "“奥特曼”", "通知人的身份不予披露")
                        .contains("(c) 自动化手段：无", "(d) 法律依据：侵害知识产权", "(e) 服务条款：未援引")
                        .contains("(f) 救济：", "反通知", "《民法典》第1196条", "庭外争议解决和诉讼途径仍然开放"));
        assertThat(texts.statementOfReasons(ZH, target, List.of("DELETE"), null, "W", JurisdictionProfile.US_DMCA)
                        .body())
                .contains("第512(g)(3)条", "10至14个工作日");
        assertThat(texts.statementOfReasons(ZH, target, List.of("DELETE"), null, "W", JurisdictionProfile.EU_DSA)
                        .body())
                .contains("六个月内免费提出内部申诉", "第20条");
    }

    /** Civil Code 1196: the right to complain or sue and the wait; 512(g)(2)(B): restoration in 10 business days. */
    @Test
    void counterNoticeForwardingTellsTheRightsHolderItsOptionsAndTheWait() {
        assertThat(texts.counterNoticeForwarded(EN, JurisdictionProfile.CN_CC_1195, 15))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("Counter-notice received"))
                .satisfies(t -> assertThat(t.body())
                        .contains(
                                "does not infringe", "complaint with the competent authority or sue", "within 15 days")
                        .contains("the measures will be lifted"));
        assertThat(texts.counterNoticeForwarded(ZH, JurisdictionProfile.CN_ECOM, 15))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("收到反通知"))
                .satisfies(t -> assertThat(t.body()).contains("不存在侵权行为的声明", "投诉", "起诉", "15日内", "终止所采取的措施"));
        assertThat(texts.counterNoticeForwarded(EN, JurisdictionProfile.US_DMCA, 10)
                        .body())
                .contains("restore the material in 10 business days", "court order", "17 U.S.C. 512(g)(2)(B)");
        assertThat(texts.counterNoticeForwarded(ZH, JurisdictionProfile.US_DMCA, 10)
                        .body())
                .contains("10个工作日", "法院", "第512(g)(2)(B)条");
        assertThat(texts.counterNoticeForwarded(EN, JurisdictionProfile.EU_DSA, 0)
                        .body())
                .contains("internal complaint (DSA Art. 20)");
        assertThat(texts.counterNoticeForwarded(ZH, JurisdictionProfile.EU_DSA, 0)
                        .body())
                .contains("内部申诉", "第20条");
    }

    @Test
    void bothSidesLearnRestorationRetractionAndTheComplaintsOutcome() {
        assertThat(texts.restored(EN).body())
                .contains("lifted", "no proof of a complaint or lawsuit", "statutory period");
        assertThat(texts.restored(ZH).body()).contains("法定期限", "投诉或起诉", "终止");
        assertThat(texts.retracted(EN).body()).contains("withdrew the notice", "lifted");
        assertThat(texts.retracted(ZH).body()).contains("撤回通知", "终止");

        assertThat(texts.appealDecided(EN, Verdict.REVERSE, "parody"))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("Outcome of the complaint: decision reversed"))
                .satisfies(t -> assertThat(t.body())
                        .contains("Reasons: parody", "out-of-court dispute settlement (DSA Art. 21)", "court"));
        assertThat(texts.appealDecided(ZH, Verdict.UPHOLD, "复制"))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("申诉结果：维持原决定"))
                .satisfies(t -> assertThat(t.body()).contains("理由：复制", "庭外争议解决（《数字服务法》第21条）", "法院"));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NotificationTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
