package dev.takedown.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.correspondence.LetterKind;
import dev.takedown.correspondence.LetterLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind renders in both languages, and the letters the law prescribes carry what it prescribes. */
class LetterRendererTest {

    private static final String CASE = "0f0e0d0c-0b0a-4909-8807-060504030201";

    private final LetterRenderer renderer = new LetterRenderer();

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void everyKindHasASubjectAndABodyInBothLanguagesWithoutAnUnresolvedText(LetterKind kind) {
        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            LetterRenderer.Rendered letter = render(kind, language, model(kind), "https://takedown.test/l/x");
            assertThat(letter.subject())
                    .as("%s %s subject", kind, language)
                    .isNotBlank()
                    .doesNotContain("??", "/*");
            assertThat(letter.body())
                    .as("%s %s body", kind, language)
                    .isNotBlank()
                    .doesNotContain("??", "[(", "/*[-", "null")
                    .contains(CASE, "https://takedown.test/l/x");
        }
    }

    @Test
    void aReceiptOfABarredReNotificationStatesTheRuleOfTheRegulationsInsteadOfASuspension() {
        Map<String, Object> model = Map.of(
                "receivedAt", Instant.parse("2025-09-19T01:00:00Z"), "processed", false, "barredBy", "case-restored");

        assertThat(render(LetterKind.RECEIPT, Locale.ENGLISH, model, null).body())
                .contains("restored after the uploader's counter-notice in case case-restored", "Article 17")
                .contains("may not notify us again", "copyright administration", "people's court")
                .doesNotContain("DSA Art. 23(2)");
        assertThat(render(LetterKind.RECEIPT, Locale.SIMPLIFIED_CHINESE, model, null)
                        .body())
                .contains("case-restored", "第十七条", "不得再通知", "著作权行政管理部门", "人民法院")
                .doesNotContain("第23条");
    }

    @Test
    void theStatementOfReasonsSaysWhatTheCaseIsAnOrderDecidedByAutomatedMeansItsGroundAndTheCertifiedBodies() {
        Map<String, Object> model = new java.util.HashMap<>(model(LetterKind.FORWARDED_NOTICE));
        model.put("source", "ORDER");
        model.put("automated", true);
        model.put("ground", "TRADEMARK (EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16)");
        model.put("bodies", "Appeals Centre Europe");

        String order =
                render(LetterKind.FORWARDED_NOTICE, Locale.ENGLISH, model, null).body();
        assertThat(order)
                .contains(
                        "(b) Facts: an order of a competent authority named this content as infringing the work 'Song'",
                        "(c) Automated means: the decision was taken by automated means",
                        "(d) Legal ground: TRADEMARK (EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16); explanation:"
                                + " matches the work",
                        "Out-of-court dispute settlement (certified bodies: Appeals Centre Europe) and the courts")
                .doesNotContain("infringement of intellectual property rights", "Automated means: none");
        assertThat(render(LetterKind.FORWARDED_NOTICE, Locale.SIMPLIFIED_CHINESE, model, null)
                        .body())
                .contains("主管机关的命令", "该决定由自动化手段作出", "(d) 法律依据：TRADEMARK", "（经认证的机构：Appeals Centre Europe）");

        model.put("source", "NOTICE");
        model.put("automated", false);
        model.put("bodies", "");
        assertThat(render(LetterKind.FORWARDED_NOTICE, Locale.ENGLISH, model, null)
                        .body())
                .contains(
                        "a notice under the platform's notice-and-action mechanism",
                        "(c) Automated means: none; a moderator reviewed the notice.",
                        "Out-of-court dispute settlement and the courts")
                .doesNotContain("certified bodies");
    }

    @Test
    void aMeasureThatEndedByItselfIsExplainedWithoutADecisionAndWithTheRedress() {
        Map<String, Object> model = new java.util.HashMap<>(model(LetterKind.MEASURE_ENDED));

        LetterRenderer.Rendered expired = render(LetterKind.MEASURE_ENDED, Locale.ENGLISH, model, null);
        assertThat(expired.subject()).isEqualTo("Measure ended: GEO_BLOCK");
        assertThat(expired.body())
                .contains(
                        "(a) The measure GEO_BLOCK on https://v.example/1 no longer applies since",
                        "(b) Facts: the decision imposed it for a limited period, which has ended",
                        "(c) Automated means: it ended automatically",
                        "out-of-court dispute settlement (DSA Art. 21)");

        model.put("cause", "BY_HAND");
        model.remove("target");
        assertThat(render(LetterKind.MEASURE_ENDED, Locale.SIMPLIFIED_CHINESE, model, null)
                        .body())
                .contains("与之匹配的每一项生成请求", "工作人员经再次审查后解除了该措施", "(c) 自动化手段：无");
    }

    @Test
    void theStatementNamesTheCountriesAndTheLastDayTheMeasuresChoseOrWorldwideUntilFurtherNotice() {
        Map<String, Object> model = new java.util.HashMap<>(model(LetterKind.FORWARDED_NOTICE));

        assertThat(render(LetterKind.FORWARDED_NOTICE, Locale.ENGLISH, model, null)
                        .body())
                .contains("(a) Measure: DELETE on https://v.example/1; territorial scope: worldwide; duration: until"
                        + " further notice");

        model.put(
                "restrictions",
                List.of(
                        restriction("GEO_BLOCK", "https://v.example/1", List.of("DE", "AT"), "2026-03-31"),
                        restriction("DEMOTE", "https://v.example/1", List.of(), null),
                        restriction("PROMPT_FILTER", null, List.of("FR"), null)));
        assertThat(render(LetterKind.FORWARDED_NOTICE, Locale.ENGLISH, model, null)
                        .body())
                .as("each measure with its own scope")
                .contains(
                        "(a) Measure: GEO_BLOCK on https://v.example/1; territorial scope: DE, AT; duration: until"
                                + " 2026-03-31 inclusive",
                        "(a) Measure: DEMOTE on https://v.example/1; territorial scope: worldwide; duration: until"
                                + " further notice",
                        "(a) Measure: PROMPT_FILTER on every generation request it matched; territorial scope: FR;"
                                + " duration: until further notice");
        assertThat(render(LetterKind.FORWARDED_NOTICE, Locale.SIMPLIFIED_CHINESE, model, null)
                        .body())
                .contains("地域范围：DE, AT；期限：至 2026-03-31（含当日）", "地域范围：全球；期限：直至另行通知");
    }

    @Test
    void everyLetterThatLiftsOrKeepsAMeasureCarriesTheStatementsItemsAThroughF() {
        String restored = render(LetterKind.RESTORED, Locale.ENGLISH, model(LetterKind.RESTORED), null)
                .body();
        assertThat(restored)
                .contains(
                        "(a) Measure lifted: GEO_BLOCK on https://v.example/1 (territorial scope: DE, AT; duration:"
                                + " until 2026-03-31 inclusive) no longer applies; the content is available again",
                        "(a) Measure lifted: PROMPT_FILTER on every generation request it matched (territorial scope:"
                                + " worldwide; duration: until further notice)",
                        "(b) Facts: the case followed a notice under the platform's notice-and-action mechanism (the"
                                + " notifier's identity is not disclosed); then the uploader filed a counter-notice",
                        "(c) Automated means: the measures were lifted automatically on these facts",
                        "(d) Legal ground: the restriction relied on COPYRIGHT (CN_CC_1195: PRC Civil Code Art. 1195);"
                                + " it is lifted under CN_CC_1195: PRC Civil Code Art. 1196.",
                        "(e) Terms and conditions: not relied on.",
                        "(f) Redress: internal complaint within the appeal window, out-of-court dispute settlement (DSA"
                                + " Art. 21), or the courts. Certified out-of-court dispute settlement bodies (DSA"
                                + " Art. 21): Appeals Centre Europe.");
        assertThat(render(LetterKind.RESTORED, Locale.SIMPLIFIED_CHINESE, model(LetterKind.RESTORED), null)
                        .body())
                .contains(
                        "(a) 已解除的措施：对 https://v.example/1 采取的 GEO_BLOCK（地域范围：DE, AT；期限：至 2026-03-31（含当日））",
                        "(b) 事实：本案源于一份依据平台通知与处理机制提交的通知",
                        "(c) 自动化手段：措施依上述事实自动解除",
                        "(d) 法律依据：原限制所依据的是 COPYRIGHT",
                        "(e) 服务条款：未援引。",
                        "经认证的庭外争议解决机构（《数字服务法》第21条）：Appeals Centre Europe。");

        assertThat(render(
                                LetterKind.PROCEEDINGS_CONCLUDED,
                                Locale.ENGLISH,
                                model(LetterKind.PROCEEDINGS_CONCLUDED),
                                null)
                        .body())
                .contains(
                        "then the court or authority dismissed the rights holder's claim ((2026) Hu 0115 Min Chu 2).",
                        "(c) Automated means: none; a person decided.");
        assertThat(render(LetterKind.RETRACTED, Locale.ENGLISH, model(LetterKind.RETRACTED), null)
                        .body())
                .contains("then the rights holder withdrew the notice.", "(a) Measure lifted: GEO_BLOCK");

        // a reversal tells what will be lifted; only the letter after the platform's confirmation says it is back
        String reversed = render(
                        LetterKind.APPEAL_OUTCOME,
                        Locale.ENGLISH,
                        Map.of(
                                "verdict",
                                "REVERSE",
                                "reason",
                                "the content is a parody",
                                "statement",
                                statement("LIFTING", "APPEAL_REVERSE", false)),
                        null)
                .body();
        assertThat(reversed)
                .contains(
                        "(a) Measure to be lifted: GEO_BLOCK on https://v.example/1 (territorial scope: DE, AT;"
                                + " duration: until 2026-03-31 inclusive); you will be told when the platform has made"
                                + " the content available again.",
                        "(d) Legal ground: the restriction relied on COPYRIGHT")
                .doesNotContain("no longer applies", "available again wherever");

        Map<String, Object> kept = new java.util.HashMap<>(model(LetterKind.APPEAL_OUTCOME));
        assertThat(render(LetterKind.APPEAL_OUTCOME, Locale.ENGLISH, kept, null).body())
                .contains(
                        "(a) Measure maintained: GEO_BLOCK on https://v.example/1; territorial scope: DE, AT; duration:"
                                + " until 2026-03-31 inclusive",
                        "who upheld the decision.",
                        "(d) Legal ground: COPYRIGHT (CN_CC_1195: PRC Civil Code Art. 1195)",
                        "(e) Terms and conditions: not relied on.");

        Map<String, Object> terms = statement("MAINTAINED", "APPEAL_UPHOLD", false);
        terms.put("terms", true);
        terms.put("measures", List.of());
        kept.put("statement", terms);
        assertThat(render(LetterKind.APPEAL_OUTCOME, Locale.ENGLISH, kept, null).body())
                .contains(
                        "(a) Measure: none is in effect.",
                        "(d) Legal ground: none relied on",
                        "(e) Terms and conditions: Terms of Service s. 4; the restriction under this clause applies.");
    }

    @Test
    void theUsCounterNoticeCopyCarriesTheUploadersIdentityTheStatementsAndTheRestoreDate() {
        LetterRenderer.Rendered letter = render(LetterKind.COUNTER_NOTICE_COPY, Locale.ENGLISH, usCopy(), null);

        assertThat(letter.subject()).isEqualTo("Counter-notice on your notice " + CASE);
        assertThat(letter.body())
                .contains(
                        "Name: Ada Uploader",
                        "Address: 1 Main St, Springfield",
                        "Telephone: +1 555 0100",
                        "E-mail: ada@example.test",
                        "under penalty of perjury",
                        "Consent to the jurisdiction of the Federal District Court",
                        "Acceptance of service of process",
                        "We will restore the removed material on Friday, 2025-10-03",
                        "no later than business day 14 (Thursday, 2025-10-09)")
                .doesNotContain("not given");
    }

    @Test
    void theChineseCounterNoticeCopyCarriesTheEvidenceLinksAndTheFifteenDaysFromReceipt() {
        Map<String, Object> model = new java.util.LinkedHashMap<>(Map.of(
                "family",
                "CN",
                "receivedAt",
                "2025年9月19日 09:00（北京时间）",
                "user",
                Map.of("legalName", "张三", "address", "北京市海淀区", "phone", "13800000000"),
                "material",
                Map.of("identification", "视频 https://v.example/1"),
                "truthfulness",
                true,
                "evidence",
                List.of(Map.of(
                        "description", "授权书", "url", "https://takedown.test/evidence/e1/download", "file", true)),
                "waitDays",
                15));

        LetterRenderer.Rendered letter = render(LetterKind.COUNTER_NOTICE_COPY, Locale.SIMPLIFIED_CHINESE, model, null);

        assertThat(letter.subject()).isEqualTo("关于您的通知 " + CASE + " 的反通知");
        assertThat(letter.body())
                .contains(
                        "姓名或名称：张三",
                        "地址：北京市海淀区",
                        "电话：13800000000",
                        "用户对声明内容的真实性负责：已声明",
                        "授权书：https://takedown.test/evidence/e1/download（文件；仅限贵组织登录后查看）",
                        "向有关部门投诉或者向人民法院提起诉讼",
                        "在您收到本转送件后15日内");
    }

    @Test
    void timesAreWrittenInTheReadersLanguageAndZone() {
        Instant at = Instant.parse("2025-09-19T01:00:00Z");
        assertThat(renderer.normalise(Map.of("t", at), Locale.ENGLISH)).containsEntry("t", "2025-09-19 01:00 UTC");
        assertThat(renderer.normalise(Map.of("t", at), Locale.SIMPLIFIED_CHINESE))
                .containsEntry("t", "2025年9月19日 09:00（北京时间）");
    }

    private LetterRenderer.Rendered render(
            LetterKind kind, Locale language, Map<String, Object> model, String receipt) {
        return renderer.render(
                kind,
                language,
                CASE,
                renderer.normalise(model, language),
                receipt,
                List.of(new LetterLink("case", "https://takedown.test/notices/" + CASE)));
    }

    private static Map<String, Object> usCopy() {
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("family", "US");
        model.put("receivedAt", Instant.parse("2025-09-19T01:00:00Z"));
        model.put(
                "user",
                Map.of(
                        "legalName", "Ada Uploader",
                        "address", "1 Main St, Springfield",
                        "phone", "+1 555 0100",
                        "email", "ada@example.test"));
        model.put("material", Map.of("identification", "video 1", "priorLocation", "https://v.example/1"));
        model.put("perjury", true);
        model.put("consentToJurisdiction", true);
        model.put("acceptService", true);
        model.put("signature", "Ada Uploader");
        model.put("evidence", List.of());
        model.put("restoreOn", LocalDate.parse("2025-10-03"));
        model.put("restoreBy", LocalDate.parse("2025-10-09"));
        return model;
    }

    /** A model with every key the kind reads (see {@link LetterKind}). */
    /** DSA Art. 23: each change of standing gives the reasons and the weighing, the period, and the redress. */
    @Test
    void standingLettersCarryReasonsWeighingPeriodAndRedress() {
        Map<String, Object> suspended = standing("NOTIFIER", "SUSPENDED", UNTIL, "P90D", null);

        LetterRenderer.Rendered english = render(LetterKind.SUSPENSION, Locale.ENGLISH, suspended, null);
        assertThat(english.subject()).contains("2026-01-31 09:30 UTC");
        assertThat(english.body())
                .contains(
                        "Reasons:",
                        "3 of the 4 notices you filed in the last 90 days",
                        "From 2026-01-01 09:30 UTC until 2026-01-31 09:30 UTC",
                        "weighted score 5 against a threshold of 3",
                        "intent, which a moderator found in 1",
                        "Automated means (DSA Art. 17(3)(c)): this step was taken by automated means",
                        "DSA Art. 20",
                        "DSA Art. 21",
                        "court");
        assertThat(render(LetterKind.SUSPENSION, Locale.SIMPLIFIED_CHINESE, suspended, null)
                        .body())
                .contains("2026年1月31日 17:30（北京时间）", "本措施系通过自动化手段作出", "第20条", "第21条", "法院");
        assertThat(render(LetterKind.WARNING, Locale.ENGLISH, standing("UPLOADER", "WARNED", null, "P365D", null), null)
                        .body())
                .contains("This is a warning", "DSA Art. 23(1)", "DSA Art. 20");
        assertThat(render(
                                LetterKind.REINSTATEMENT,
                                Locale.ENGLISH,
                                standing("NOTIFIER", "LIFTED", null, null, "entered in error"),
                                null)
                        .body())
                .contains("Reasons: entered in error", "DSA Art. 20")
                .doesNotContain("How we weighed it", "automated means");
        assertThat(render(
                                LetterKind.SUSPENSION,
                                Locale.ENGLISH,
                                standing("UPLOADER", "TERMINATED", null, "P365D", null),
                                null)
                        .subject())
                .isEqualTo("Account terminated");
    }

    /**
     * DSA Art. 20(1)(c): a suspension or termination reversed on complaint says so, that the account is back in order
     * with the warning on record, and the redress that remains (not a complaint against a decision in one's favour).
     */
    @Test
    void aReversalOnComplaintSaysWhatWasReversedWhereThePartyStandsAndTheRedressLeft() {
        LetterRenderer.Rendered termination =
                render(LetterKind.REINSTATEMENT, Locale.ENGLISH, reversed("UPLOADER", "TERMINATED"), null);
        assertThat(termination.subject()).isEqualTo("Complaint decided in your favour: account termination reversed");
        assertThat(termination.body())
                .contains(
                        "We decided your complaint (DSA Art. 20) in your favour and reversed the termination of your"
                                + " account on 2026-01-01 09:30 UTC; your account is restored.",
                        "our earlier warning stays on record",
                        "You may still refer the matter to a certified out-of-court dispute settlement body"
                                + " (DSA Art. 21) or go to court.")
                .doesNotContain("within six months", "How we weighed it");

        LetterRenderer.Rendered suspension =
                render(LetterKind.REINSTATEMENT, Locale.ENGLISH, reversed("UPLOADER", "SUSPENDED"), null);
        assertThat(suspension.subject()).isEqualTo("Complaint decided in your favour: account suspension reversed");
        assertThat(suspension.body())
                .contains("reversed the suspension of your account", "does not count towards ending your account");
        assertThat(render(LetterKind.REINSTATEMENT, Locale.ENGLISH, reversed("NOTIFIER", "SUSPENDED"), null)
                        .body())
                .contains("reversed the suspension of your notices", "Notices you file are processed again");

        LetterRenderer.Rendered chinese =
                render(LetterKind.REINSTATEMENT, Locale.SIMPLIFIED_CHINESE, reversed("UPLOADER", "TERMINATED"), null);
        assertThat(chinese.subject()).isEqualTo("投诉结果对您有利：已撤销账号终止");
        assertThat(chinese.body())
                .contains("并于2026年1月1日 17:30（北京时间）撤销对您账号的终止；您的账号已恢复", "此前的警告记录仍然保留", "第21条", "法院")
                .doesNotContain("六个月");
        assertThat(render(LetterKind.REINSTATEMENT, Locale.SIMPLIFIED_CHINESE, reversed("NOTIFIER", "SUSPENDED"), null)
                        .subject())
                .isEqualTo("投诉结果对您有利：已撤销对通知的暂停处理");
    }

    /** As notices builds it for a reversal on complaint of {@code reversed}. */
    private static Map<String, Object> reversed(String party, String reversed) {
        Map<String, Object> model = new java.util.LinkedHashMap<>(
                standing(party, "REVERSED", null, null, "complaint c-1 decided in the party's favour (DSA Art. 20)"));
        model.put("reversed", reversed);
        return model;
    }

    private static final Instant AT = Instant.parse("2026-01-01T09:30:00Z");
    private static final Instant UNTIL = Instant.parse("2026-01-31T09:30:00Z");

    /** As notices builds it from a standing change: 2 counted, 3 of 4 in the window, score 5 of 3, 1 intentional. */
    private static Map<String, Object> standing(
            String party, String change, Instant until, String window, String reason) {
        List<Object> arguments = new java.util.ArrayList<>(List.of(
                "2",
                "3",
                "4",
                window == null
                        ? ""
                        : String.valueOf(java.time.Duration.parse(window).toDays()),
                AT));
        arguments.add(until == null ? "" : until);
        arguments.add(reason == null ? "" : reason);
        arguments.addAll(List.of("5", "3", "1"));
        return Map.of("party", party, "change", change, "arguments", arguments, "weighed", window != null);
    }

    private static Map<String, Object> restriction(
            String measure, String target, List<String> countries, String endsOn) {
        Map<String, Object> restriction = new java.util.LinkedHashMap<>();
        restriction.put("measure", measure);
        if (target != null) {
            restriction.put("target", target);
        }
        restriction.put("countries", countries);
        if (endsOn != null) {
            restriction.put("endsOn", endsOn);
        }
        return restriction;
    }

    /** As notices builds it: a geo-block until a day and a filter worldwide, after a notice, on copyright. */
    private static Map<String, Object> statement(String effect, String facts, boolean automated) {
        Map<String, Object> geoBlock = new java.util.LinkedHashMap<>();
        geoBlock.put("measure", "GEO_BLOCK");
        geoBlock.put("target", "https://v.example/1");
        geoBlock.put("countries", List.of("DE", "AT"));
        geoBlock.put("endsOn", "2026-03-31");
        Map<String, Object> filter = new java.util.LinkedHashMap<>();
        filter.put("measure", "PROMPT_FILTER");
        filter.put("countries", List.of());
        Map<String, Object> statement = new java.util.LinkedHashMap<>();
        statement.put("effect", effect);
        statement.put("measures", List.of(geoBlock, filter));
        statement.put("source", "NOTICE");
        statement.put("facts", facts);
        statement.put("reference", "(2026) Hu 0115 Min Chu 2");
        statement.put("automated", automated);
        statement.put("ground", "COPYRIGHT (CN_CC_1195: PRC Civil Code Art. 1195)");
        statement.put("basis", "CN_CC_1195: PRC Civil Code Art. 1196");
        statement.put("terms", false);
        statement.put("termsClause", "Terms of Service s. 4");
        statement.put("bodies", "Appeals Centre Europe");
        statement.put("family", "EU");
        return statement;
    }

    private static Map<String, Object> model(LetterKind kind) {
        return switch (kind) {
            case RECEIPT ->
                Map.of(
                        "receivedAt",
                        Instant.parse("2025-09-19T01:00:00Z"),
                        "processed",
                        true,
                        "responseTimes",
                        Map.of("review.standard", "PT24H"));
            case CURE_REQUEST -> Map.of("days", 7, "missing", "the signature");
            case CLOSED_INCOMPLETE -> Map.of("missing", "the signature");
            case FORWARDED_NOTICE ->
                Map.of(
                        "measures", List.of("DELETE"),
                        "restrictions", List.of(restriction("DELETE", "https://v.example/1", List.of(), null)),
                        "target", "https://v.example/1",
                        "work", "Song",
                        "reason", "matches the work",
                        "family", "EU",
                        "ground", "COPYRIGHT (EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16)");
            case DECISION ->
                Map.of(
                        "outcome",
                        "ACTION_TAKEN",
                        "joined",
                        false,
                        "measures",
                        List.of("DELETE"),
                        "reason",
                        "matches the work",
                        "overturned",
                        false,
                        "family",
                        "CN");
            case COUNTER_NOTICE_COPY -> usCopy();
            case APPEAL_OUTCOME ->
                Map.of(
                        "verdict",
                        "UPHOLD",
                        "reason",
                        "the decision stands",
                        "statement",
                        statement("MAINTAINED", "APPEAL_UPHOLD", false));
            case PROCEEDINGS_CONCLUDED ->
                Map.of(
                        "outcome",
                        "DISMISSED",
                        "reference",
                        "(2026) Hu 0115 Min Chu 2",
                        "statement",
                        statement("LIFTED", "PROCEEDINGS_DISMISSED", false));
            case WARNING -> standing("UPLOADER", "WARNED", null, "P365D", null);
            case SUSPENSION -> standing("NOTIFIER", "SUSPENDED", UNTIL, "P90D", null);
            case REINSTATEMENT -> standing("NOTIFIER", "LIFTED", null, null, "entered in error");
            case CONFIRMATION -> Map.of("days", 7);
            case RESTORED -> Map.of("statement", statement("LIFTED", "COUNTER_NOTICE", true));
            case RESTORED_ON_APPEAL -> Map.of("statement", statement("LIFTED", "APPEAL_REVERSE", false));
            case RETRACTED -> Map.of("statement", statement("LIFTED", "RETRACTION", true));
            case MEASURE_ENDED ->
                Map.of(
                        "measure", "GEO_BLOCK",
                        "target", "https://v.example/1",
                        "cause", "EXPIRY",
                        "endedAt", Instant.parse("2026-07-01T00:15:00Z"),
                        "family", "EU");
        };
    }
}
