package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Steps of a case that several integration tests take, over the public API, plus firing a case's timers. */
final class Cases {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String baseUrl;
    private final ManagementService management;
    private final RuntimeService runtime;

    Cases(String baseUrl, ManagementService management, RuntimeService runtime) {
        this.baseUrl = baseUrl;
        this.management = management;
        this.runtime = runtime;
    }

    /** Files a notice as {@code holder} and returns its case id. */
    String file(String holder, String notice) {
        Api.Response filed = Api.as(baseUrl, holder).post("/api/notices", notice);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("case_id").asText();
    }

    /** Claims the case's open task as {@code moderator} and decides it; returns the HTTP response. */
    Api.Response decide(String moderator, String caseId, String decision) {
        Api api = Api.as(baseUrl, moderator);
        String taskId = NoticeLifecycleIT.awaitTask(api, caseId);
        api.post("/api/tasks/" + taskId + "/claim", "");
        return api.post("/api/tasks/" + taskId + "/decision", decision);
    }

    String fileAndAccept(String holder, String notice, String measures) {
        String caseId = file(holder, notice);
        assertThat(decide(
                                "moderator",
                                caseId,
                                "{\"outcome\":\"ACCEPT\",\"measures\":" + measures + ",\"reason\":\"copies the work\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(holder, caseId, "NOTIFIED");
        return caseId;
    }

    void awaitStatus(String reader, String caseId, String status) {
        Api api = Api.as(baseUrl, reader);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get("/api/notices/" + caseId)
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo(status));
    }

    List<String> history(String reader, String caseId) {
        List<String> statuses = new ArrayList<>();
        Api.as(baseUrl, reader)
                .get("/api/notices/" + caseId)
                .json()
                .get("history")
                .forEach(h -> statuses.add(h.get("status").asText()));
        return statuses;
    }

    List<String> measureStatuses(String caseId) {
        List<String> statuses = new ArrayList<>();
        Api.as(baseUrl, "compliance")
                .get("/api/measures?case_id=" + caseId)
                .json()
                .forEach(m -> statuses.add(m.get("status").asText()));
        return statuses;
    }

    /** The id of the case's measure of {@code type} once it is APPLIED. */
    String appliedMeasure(String caseId, String type) {
        String[] id = new String[1];
        await().atMost(PATIENCE).until(() -> {
            for (JsonNode m : Api.as(baseUrl, "compliance")
                    .get("/api/measures?case_id=" + caseId)
                    .json()) {
                if (m.get("type").asText().equals(type)
                        && m.get("status").asText().equals("APPLIED")) {
                    id[0] = m.get("measure_id").asText();
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    /** The case's model remediation once it waits for the owner, as {@code reader} lists it. */
    JsonNode awaitRemediation(String reader, String caseId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            for (JsonNode r : Api.as(baseUrl, reader)
                    .get("/api/remediations?status=AWAITING_OWNER")
                    .json()) {
                if (r.get("case_id").asText().equals(caseId)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The uploader's signed link, as the forwarded notice carried it. */
    String uploaderToken(String caseId) {
        for (JsonNode n : Api.as(baseUrl, "compliance")
                .get("/api/notices/" + caseId + "/notifications")
                .json()) {
            if (n.get("kind").asText().equals("FORWARDED_NOTICE")) {
                String link = n.get("opens").asText();
                return link.substring(link.indexOf("/u/") + 3);
            }
        }
        throw new AssertionError("no forwarded notice on case " + caseId);
    }

    /** The uploader's counter-notice link, which the page of the letter's link offers while its window is open. */
    String counterNoticeToken(String caseId) {
        return answerLink(caseId, "counter_notice_link");
    }

    /** The uploader's complaint link (DSA Art. 20), offered by the page while the complaint window is open. */
    String appealToken(String caseId) {
        return answerLink(caseId, "appeal_link");
    }

    private String answerLink(String caseId, String field) {
        JsonNode forwarded = Api.anonymous(baseUrl)
                .get("/api/uploader/" + uploaderToken(caseId))
                .json();
        if (!forwarded.hasNonNull(field)) {
            throw new AssertionError("no " + field + " on case " + caseId + ": " + forwarded);
        }
        return forwarded.get(field).asText();
    }

    List<String> notificationKinds(String caseId) {
        List<String> kinds = new ArrayList<>();
        Api.as(baseUrl, "compliance")
                .get("/api/notices/" + caseId + "/notifications")
                .json()
                .forEach(n -> kinds.add(n.get("kind").asText() + "→" + recipient(n)));
        return kinds;
    }

    /** A letter's recipient as the case names it: the notifier by its address, the uploader by its account. */
    private static String recipient(JsonNode letter) {
        return letter.get("recipient_role").asText().equals("NOTIFIER")
                ? "notifier:"
                        + (letter.hasNonNull("recipient_email")
                                ? letter.get("recipient_email").asText()
                                : letter.get("recipient_party").asText())
                : "uploader-of:" + letter.get("recipient_party").asText();
    }

    /** The timer job waiting at {@code activityId} in the case's process {@code processKey}. */
    Job awaitTimer(String caseId, String processKey, String activityId) {
        Job[] found = new Job[1];
        await().atMost(PATIENCE).until(() -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId)
                    .processDefinitionKey(processKey)
                    .active()
                    .singleResult();
            if (instance == null) {
                return false;
            }
            found[0] = management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .activityId(activityId)
                    .timers()
                    .singleResult();
            return found[0] != null;
        });
        return found[0];
    }

    /** Moves the case past a deadline by firing its timer now, instead of waiting for it. */
    void fire(Job timer) {
        management.executeJob(timer.getId());
    }

    static String counterNoticeCn() {
        return """
                {"user": {"legal_name": "Li Lei", "identity_document": {"type": "RESIDENT_ID", "number": "110101"},
                          "phone": "+86 10 1234 5678"},
                 "material": {"identification": "my drawing", "prior_location": "https://gen.example/x"},
                 "non_infringement_evidence": [{"kind": "CREATION_RECORD", "description": "prompts and seeds"}],
                 "attestations": {"truthfulness_responsibility": true}}
                """;
    }

    static String counterNoticeUs() {
        return """
                {"user": {"legal_name": "Jane Roe", "address": "1 Main St, Springfield", "phone": "+1 555 0100"},
                 "material": {"identification": "fan art", "prior_location": "https://gen.example/y"},
                 "statement": {"mistake_or_misidentification_perjury": true},
                 "consent_to_jurisdiction": true, "accept_service_of_process": true,
                 "signature": {"type": "electronic", "value": "/s/ Jane Roe"}}
                """;
    }

    /** A notice under {@code profile} that is complete for every profile, on a fresh target of {@code account}. */
    static String notice(String profile, String account) {
        return """
                {"jurisdiction_profiles": ["%s"],
                 "notifier": {"type": "RIGHTS_HOLDER", "legal_name": "Studio A", "email": "legal@a.test",
                              "postal_address": "1 Studio Road", "identity_document": {"type": "USCC", "number": "9131"}},
                 "signature": {"type": "electronic", "value": "/s/ Studio A"},
                 "works": [{"title": "Ultraman Tiga"}],
                 "targets": [{"type": "URL", "url": "https://gen.example/p/%s", "account_id": "%s"}],
                 "evidence": [{"kind": "SCREENSHOT", "url": "https://evidence.a.test/1.png"}],
                 "explanation": "The images reproduce the protected character in detail.",
                 "attestations": {"truthfulness_responsibility": true, "good_faith": true,
                                  "accuracy_authority_perjury": true, "bona_fide_accurate_complete": true}}
                """.formatted(profile, UUID.randomUUID(), account);
    }
}
