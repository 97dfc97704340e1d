package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per profile: notice → decision → counter-notice → restore or maintain, through the REST API on PostgreSQL and
 * Kafka, with the statutory wait computed on the profile's calendar and fired instead of waited for.
 */
class CounterNoticeIT extends StackTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    StatutoryCalendars calendars;

    @Autowired
    JdbcTemplate jdbc;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN_CC_1195", "CN_ECOM"})
    void chineseCounterNoticeRestoresAfterFifteenDaysFromDelivery(String profile) {
        String account = "uploader-" + UUID.randomUUID();
        String caseId = cases.fileAndAccept("rightsholder-a", Cases.notice(profile, account), "[\"DELETE\"]");
        await().atMost(Cases.PATIENCE).until(() -> strikes(account) == 1);
        String token = cases.uploaderToken(caseId);
        String counterToken = cases.counterNoticeToken(caseId);

        Api uploader = Api.anonymous(baseUrl());
        assertThat(uploader.get("/api/uploader/" + token)
                        .json()
                        .get("statement_of_reasons")
                        .asText())
                .as("a Chinese profile's uploader reads it in Chinese")
                .contains("(a) 措施", "(f) 救济", "《民法典》第1196条")
                .doesNotContain("Studio A");
        assertThat(uploader.get("/api/uploader/" + token + "x").status())
                .as("forged link")
                .isEqualTo(404);

        Api.Response incomplete = uploader.post("/api/uploader/" + counterToken + "/counter-notice", "{}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(fields(incomplete))
                .containsExactlyInAnyOrder(
                        "user.legal_name",
                        "user.identity_document",
                        "user.phone",
                        "material.prior_location",
                        "non_infringement_evidence",
                        "attestations.truthfulness_responsibility");
        assertThat(cases.history("rightsholder-a", caseId)).doesNotContain("COUNTER_NOTICE_FORWARDED");

        assertThat(uploader.post("/api/uploader/" + counterToken + "/counter-notice", Cases.counterNoticeCn())
                        .status())
                .isEqualTo(202);
        assertThat(uploader.post("/api/uploader/" + counterToken + "/counter-notice", Cases.counterNoticeCn())
                        .status())
                .as("a second counter-notice")
                .isEqualTo(409);
        cases.awaitStatus("rightsholder-a", caseId, "COUNTER_NOTICE_FORWARDED");

        // the rights holder's mailbox holds the whole declaration and what it may do, in Chinese
        MimeMessage copy = Mailbox.letter("legal@a.test", "关于您的通知 " + caseId + " 的反通知");
        assertThat(Mailbox.text(copy))
                .contains("姓名或名称：Li Lei", "身份证件：RESIDENT_ID 110101", "电话：+86 10 1234 5678")
                .contains("删除或屏蔽前的位置：", "用户对声明内容的真实性负责：已声明")
                .contains("不存在侵权行为的初步证据：", "prompts and seeds")
                .contains("向有关部门投诉或者向人民法院提起诉讼", "在您收到本转送件后15日内");
        assertThat(runtime.createEventSubscriptionQuery()
                        .eventName("CounterNoticeDelivered")
                        .processInstanceId(counterNoticeProcess(caseId))
                        .count())
                .as("sent is not delivered: the process waits for the delivery")
                .isEqualTo(1);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(counterNoticeProcess(caseId))
                        .activityId("Event_StatutoryWaitOver")
                        .count())
                .as("no statutory timer before the copy is delivered")
                .isZero();

        // the rights holder opens the letter's link: that is its receipt, and the wait runs from it
        Api.anonymous(baseUrl()).get(Mailbox.receiptPath(copy));
        Job wait = cases.awaitTimer(caseId, "counter-notice", "Event_StatutoryWaitOver");
        JsonNode letter = copyLetter(caseId);
        assertThat(letter.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(letter.get("delivery_basis").asText()).isEqualTo("RECEIPT");
        Instant delivered = jdbc.queryForObject(
                        "select delivered_at from counter_notice where case_id = ?::uuid",
                        java.sql.Timestamp.class,
                        caseId)
                .toInstant();
        assertThat(delivered).isEqualTo(Instant.parse(letter.get("delivered_at").asText()));
        assertThat(wait.getDuedate().toInstant())
                .isEqualTo(calendars
                        .china()
                        .endOfPeriodInDays(delivered.atZone(ZoneId.of("Asia/Shanghai")), 15)
                        .toInstant());

        cases.fire(wait);
        cases.awaitStatus("rightsholder-a", caseId, "CLOSED");
        assertThat(cases.history("rightsholder-a", caseId))
                .containsSubsequence("COUNTER_NOTICE_FORWARDED", "RESTORED", "CLOSED");
        assertThat(cases.measureStatuses(caseId)).containsOnly("LIFTED");
        await().atMost(Cases.PATIENCE).until(() -> strikes(account) == 0);
        assertThat(cases.notificationKinds(caseId))
                .anyMatch(k -> k.startsWith("COUNTER_NOTICE_COPY→notifier:"))
                .anyMatch(k -> k.startsWith("RESTORED→uploader-of:" + account));
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(ledgerTypes(caseId))
                        .contains(
                                "dev.takedown.notice.counter-notice-filed.v1",
                                "dev.takedown.measure.lifted.v1",
                                "dev.takedown.account.strike-recorded.v1"));
    }

    @Test
    void americanCounterNoticeWaitsTenBusinessDaysAndProofOfSuitKeepsTheMeasure() {
        String caseId =
                cases.fileAndAccept("rightsholder-a", Cases.notice("US_DMCA", "acct-us"), "[\"DISABLE_ACCESS\"]");
        String counterToken = cases.counterNoticeToken(caseId);
        Api uploader = Api.anonymous(baseUrl());

        Api.Response missingPerjury = uploader.post(
                "/api/uploader/" + counterToken + "/counter-notice",
                Cases.counterNoticeUs().replace("\"mistake_or_misidentification_perjury\": true", "\"x\": 1"));
        assertThat(missingPerjury.status()).isEqualTo(400);
        assertThat(fields(missingPerjury)).containsExactly("statement.mistake_or_misidentification_perjury");

        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post(
                                "/api/notices/" + caseId + "/legal-action-proof",
                                "{\"kind\":\"LAWSUIT\",\"reference\":\"1:26-cv-1\"}")
                        .status())
                .as("no counter-notice yet")
                .isEqualTo(409);

        uploader.post("/api/uploader/" + counterToken + "/counter-notice", Cases.counterNoticeUs());
        cases.awaitStatus("rightsholder-a", caseId, "COUNTER_NOTICE_FORWARDED");
        Job wait = cases.awaitTimer(caseId, "counter-notice", "Event_StatutoryWaitOver");
        Instant received = jdbc.queryForObject(
                        "select received_at from counter_notice where case_id = ?::uuid",
                        java.sql.Timestamp.class,
                        caseId)
                .toInstant();
        ZoneId eastern = ZoneId.of("America/New_York");

        // the US clock runs from the platform's receipt; the rights holder gets the whole counter-notification
        LocalDate restoreOn = calendars
                .us()
                .addBusinessDays(received.atZone(eastern).toLocalDate(), 10)
                .plusDays(1);
        MimeMessage copy = Mailbox.letter("legal@a.test", "Counter-notice on your notice " + caseId);
        assertThat(Mailbox.text(copy))
                .contains("Name: Jane Roe", "Address: 1 Main St, Springfield", "Telephone: +1 555 0100")
                .contains("under penalty of perjury", "mistake or misidentification of the material: given")
                .contains(
                        "Consent to the jurisdiction of the Federal District Court", "Acceptance of service of process")
                .contains("We will restore the removed material on "
                        + restoreOn.format(DateTimeFormatter.ofPattern("EEEE, yyyy-MM-dd", Locale.ENGLISH)))
                .doesNotContain("not given");
        assertThat(copyLetter(caseId).get("body").asText()).isEqualTo(Mailbox.text(copy));
        assertThat(wait.getDuedate().toInstant())
                .isEqualTo(calendars
                        .us()
                        .addBusinessDays(received.atZone(eastern).toLocalDate(), 10)
                        .plusDays(1)
                        .atStartOfDay(eastern)
                        .toInstant());

        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .post(
                                "/api/notices/" + caseId + "/legal-action-proof",
                                "{\"kind\":\"LAWSUIT\",\"reference\":\"1:26-cv-1\"}")
                        .status())
                .as("proof from someone who is not the rights holder")
                .isEqualTo(404);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/notices/" + caseId + "/legal-action-proof", "{\"kind\":\"LAWSUIT\"}")
                        .status())
                .isEqualTo(400);
        Api.Response authorityComplaint = Api.as(baseUrl(), "rightsholder-a")
                .post(
                        "/api/notices/" + caseId + "/legal-action-proof",
                        "{\"kind\":\"AUTHORITY_COMPLAINT\",\"reference\":\"complaint 7\"}");
        assertThat(authorityComplaint.status())
                .as("512(g)(2)(C): only an action seeking a court order stops the restore")
                .isEqualTo(400);
        assertThat(fields(authorityComplaint)).containsExactly("kind");
        assertThat(cases.history("rightsholder-a", caseId)).doesNotContain("MAINTAINED_PENDING_PROCEEDINGS");

        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post(
                                "/api/notices/" + caseId + "/legal-action-proof",
                                "{\"kind\":\"LAWSUIT\",\"reference\":\"1:26-cv-1\"}")
                        .status())
                .isEqualTo(202);
        cases.awaitStatus("rightsholder-a", caseId, "MAINTAINED_PENDING_PROCEEDINGS");
        assertThat(cases.history("rightsholder-a", caseId)).doesNotContain("RESTORED", "CLOSED");
        assertThat(cases.measureStatuses(caseId)).containsOnly("APPLIED");
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(ledgerTypes(caseId))
                        .contains(
                                "dev.takedown.notice.counter-notice-filed.v1",
                                "dev.takedown.notice.legal-action-proof-filed.v1")
                        .doesNotContain("dev.takedown.measure.lifted.v1"));

        // the court dismissed the action: staff record it, the content comes back and both sides are told
        assertThat(Api.as(baseUrl(), "compliance")
                        .post(
                                "/api/notices/" + caseId + "/proceedings-outcome",
                                "{\"outcome\":\"DISMISSED\",\"reference\":\"1:26-cv-1, order of dismissal\"}")
                        .status())
                .isEqualTo(202);
        cases.awaitStatus("rightsholder-a", caseId, "CLOSED");
        assertThat(cases.history("rightsholder-a", caseId))
                .containsSubsequence("MAINTAINED_PENDING_PROCEEDINGS", "RESTORED", "CLOSED");
        assertThat(cases.measureStatuses(caseId)).containsOnly("LIFTED");
        assertThat(cases.notificationKinds(caseId))
                .anyMatch(k -> k.startsWith("PROCEEDINGS_CONCLUDED→notifier:"))
                .anyMatch(k -> k.startsWith("PROCEEDINGS_CONCLUDED→uploader-of:acct-us"));
    }

    /** The counter-notice copy as the rights holder reads it through the case API (its own letters only). */
    private JsonNode copyLetter(String caseId) {
        for (JsonNode letter : Api.as(baseUrl(), "rightsholder-a")
                .get("/api/notices/" + caseId + "/letters")
                .json()) {
            assertThat(letter.get("recipient_role").asText()).isEqualTo("NOTIFIER");
            if (letter.get("kind").asText().equals("COUNTER_NOTICE_COPY")) {
                return letter;
            }
        }
        throw new AssertionError("no counter-notice copy on case " + caseId);
    }

    private String counterNoticeProcess(String caseId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("counter-notice")
                .singleResult()
                .getId();
    }

    @Test
    void europeanNoticesHaveNoCounterNoticeButAComplaint() {
        String caseId = cases.fileAndAccept("rightsholder-a", Cases.notice("EU_DSA", "acct-eu"), "[\"DELETE\"]");
        String token = cases.uploaderToken(caseId);
        Api uploader = Api.anonymous(baseUrl());
        assertThat(uploader.get("/api/uploader/" + token).json().hasNonNull("counter_notice_link"))
                .as("no counter-notice link under the DSA")
                .isFalse();
        assertThat(uploader.get("/api/uploader/" + token).json().hasNonNull("appeal_link"))
                .as("but a complaint link")
                .isTrue();
        Api.Response counter = uploader.post("/api/uploader/" + token + "/counter-notice", Cases.counterNoticeUs());
        assertThat(counter.status()).as("the letter's link only reads").isEqualTo(403);
        assertThat(counter.body()).contains("uploader-link-wrong-purpose");

        // staff withdraw the complaint link (say it reached the wrong person): a ledger fact with the reason
        String appealToken = cases.appealToken(caseId);
        Api.Response revoked = Api.as(baseUrl(), "moderator")
                .post(
                        "/api/notices/" + caseId + "/uploader-links/revocation",
                        "{\"purposes\":[\"APPEAL\"],\"reason\":\"sent to the wrong address\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asInt()).isEqualTo(1);
        Api.Response gone = uploader.get("/u/" + appealToken);
        assertThat(gone.status()).as("a readable page, not an error").isEqualTo(410);
        assertThat(gone.body()).contains("withdrawn by our staff");
        Api.Response refused = uploader.post("/api/uploader/" + appealToken + "/appeal", "{}");
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.body()).contains("uploader-link-revoked");
        assertThat(uploader.get("/api/uploader/" + token).json().hasNonNull("appeal_link"))
                .isFalse();
        await().atMost(Cases.PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from audit_ledger where case_id = ? and event_type = ?"
                                        + " and actor = 'moderator'",
                                Integer.class,
                                caseId,
                                "dev.takedown.uploader.links-revoked.v1")
                        == 1);
    }

    @Test
    void legacyRegulationsProfileIsOffByDefault() {
        Api.Response refused =
                Api.as(baseUrl(), "rightsholder-a").post("/api/notices", Cases.notice("CN_REGS_2013", "acct"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("jurisdiction_profiles[0]");
    }

    private int strikes(String account) {
        Integer count = jdbc.queryForObject(
                "select count(*) from strike where account_id = ? and removed_at is null", Integer.class, account);
        return count == null ? 0 : count;
    }

    private List<String> ledgerTypes(String caseId) {
        List<String> types = new ArrayList<>();
        Api.as(baseUrl(), "compliance")
                .get("/api/audit/cases/" + caseId)
                .json()
                .forEach(r -> types.add(r.get("event_type").asText()));
        return types;
    }

    static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
