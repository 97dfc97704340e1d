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
