package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ledger record of a case names the provisions it executes, derived by the ledger from the record's type, the
 * measure and the case's profiles and history: what the law of the case says, not what a producer says.
 */
class LegalBasisTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final String CIVIL_CODE = "PRC Civil Code Art. 1195";
    private static final String GENAI = "Interim Measures for the Management of Generative AI Services Art. 14";

    private static EmbeddedLedger ledger;
    private LedgerAppender appender;

    @BeforeAll
    static void start() throws IOException {
        ledger = new EmbeddedLedger();
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @BeforeEach
    void fresh() {
        ledger.reset();
        appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4));
    }

    @Test
    void aChineseFilterMeasureExecutesCivilCode1195AndTheGenerativeAiMeasuresArt14() {
        append(Topics.NOTICE_EVENTS, received("case-cn", "CN_CC_1195"));
        append(Topics.NOTICE_EVENTS, decided("case-cn"));
        append(Topics.MEASURES, applied("case-cn", "PROMPT_FILTER"));
        append(Topics.MEASURES, applied("case-cn", "DELETE"));

        assertThat(bases("case-cn"))
                .containsExactly(
                        "CN_CC_1195: " + CIVIL_CODE,
                        "CN_CC_1195: " + CIVIL_CODE,
                        "CN_CC_1195: " + CIVIL_CODE + " + " + GENAI,
                        "CN_CC_1195: " + CIVIL_CODE);
    }

    @Test
    void anAmericanRestoreExecutes512g2CAfterTheCounterNoticeAndARetractionExecutesNothing() {
        // the whole case in one poll: the history is taken from the batch as from the ledger
        appender.appendAll(List.of(
                ledger.record(Topics.NOTICE_EVENTS, received("case-us", "US_DMCA")),
                ledger.record(Topics.MEASURES, applied("case-us", "DELETE")),
                ledger.record(Topics.NOTICE_EVENTS, new CounterNoticeFiled(id(), AT, "case-us", "uploader", "cn-1"))));
        append(Topics.MEASURES, lifted("case-us", "restored after counter-notice"));
        append(Topics.NOTICE_EVENTS, received("case-retracted", "US_DMCA"));
        append(Topics.NOTICE_EVENTS, new NoticeRetracted(id(), AT, "case-retracted", "holder"));
        append(Topics.MEASURES, lifted("case-retracted", "notice retracted by the rights holder"));

        assertThat(bases("case-us"))
                .containsExactly(
                        "US_DMCA: 17 U.S.C. §512(c)(3)",
                        "US_DMCA: 17 U.S.C. §512(c)(1)(C)",
                        "US_DMCA: 17 U.S.C. §512(g)(2)(B)",
                        "US_DMCA: 17 U.S.C. §512(g)(2)(C)");
        assertThat(bases("case-retracted"))
                .as("a retraction is the rights holder's step, not the law's")
                .containsExactly("US_DMCA: 17 U.S.C. §512(c)(3)", null, null);
    }

    @Test
    void theEndOfAnAccountSuspensionExecutesArt23OrOnComplaintArt20WhateverTheCaseDidLast() {
        append(Topics.NOTICE_EVENTS, received("case-eu", "EU_DSA"));
        append(Topics.MEASURES, applied("case-eu", "DELETE"));
        append(Topics.NOTICE_EVENTS, new CounterNoticeFiled(id(), AT, "case-eu", "uploader", "cn-1"));
        append(Topics.MEASURES, accountLift("case-eu", "EXPIRY"));
        append(Topics.MEASURES, accountLift("case-eu", "APPEAL"));

        assertThat(bases("case-eu"))
                .containsExactly(
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16",
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16 + Regulation (EU) 2022/2065 (DSA) Art. 17",
                        null,
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 23 + Regulation (EU) 2022/2065 (DSA) Art. 17",
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 20 + Regulation (EU) 2022/2065 (DSA) Art. 17");
    }

    @Test
    void aCaseUnderTwoLawsNamesBothAndARecordWithoutACaseNone() {
        append(Topics.NOTICE_EVENTS, received("case-two", "CN_ECOM", "EU_DSA"));
        append(Topics.MEASURES, applied("case-two", "GEO_BLOCK"));
        append(Topics.MEASURES, applied(null, "DELETE"));

        assertThat(bases("case-two"))
                .containsExactly(
                        "CN_ECOM: PRC E-Commerce Law Art. 42; EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16",
                        "CN_ECOM: PRC E-Commerce Law Art. 42; EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16"
                                + " + Regulation (EU) 2022/2065 (DSA) Art. 17");
        assertThat(ledger.rows())
                .filteredOn(r -> r.caseId() == null)
                .extracting(LedgerRecord::legalBasis)
                .containsOnlyNulls();
        assertThat(ledger.rows())
                .as("the basis is hashed with the record")
                .allSatisfy(r -> assertThat(LedgerEntry.of(r).hash()).isEqualTo(r.hash()));
    }

    private void append(String topic, TakedownEvent event) {
        assertThat(appender.append(ledger.record(topic, event))).isPresent();
    }

    private List<String> bases(String caseId) {
        return ledger.rows().stream()
                .filter(r -> caseId.equals(r.caseId()))
                .sorted(java.util.Comparator.comparing(LedgerRecord::seq))
                .map(LedgerRecord::legalBasis)
                .toList();
    }

    private static NoticeReceived received(String caseId, String... profiles) {
        return new NoticeReceived(
                id(),
                AT,
                caseId,
                "holder",
                "org-a",
                List.of(profiles),
                "API",
                1,
                NoticeReceived.PROCESS,
                null,
                "RIGHTS_HOLDER",
                "COPYRIGHT");
    }

    private static NoticeDecided decided(String caseId) {
        return new NoticeDecided(id(), AT, caseId, "moderator", "d-1", "ACCEPT", List.of("DELETE"), "infringes");
    }

    private static MeasureApplied applied(String caseId, String type) {
        return new MeasureApplied(
                id(),
                AT,
                caseId,
                "system",
                UUID.randomUUID().toString(),
                type,
                "https://gen.example/p/1",
                null,
                null,
                1L);
    }

    private static MeasureLifted lifted(String caseId, String reason) {
        return new MeasureLifted(id(), AT, caseId, "system", UUID.randomUUID().toString(), reason, 2L);
    }

    /** The repeat-infringer policy's suspension of the case's uploader ended ({@code cause}). */
    private static MeasureLifted accountLift(String caseId, String cause) {
        return new MeasureLifted(
                id(),
                AT,
                caseId,
                "system",
                UUID.randomUUID().toString(),
                "ended",
                2L,
                cause,
                "ACCOUNT_SUSPEND",
                null,
                "acct-1",
                "change-1");
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
