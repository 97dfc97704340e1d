package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Model remediation on the whole stack: an accepted notice on generated output opens a remediation for the owner of
 * the generation service (the demo's default owner, whose credential is {@code platform}; {@code platform-b} acts for
 * another owner and finds nothing); the owner's change is verified by the prompt filter's replay suite (screening,
 * through Kafka); terms that widen the filter wait for a moderator; the case closes as remedied only after the
 * verification passed.
 */
class ModelRemediationIT extends StackTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
    }

    @Test
    void ownersChangePassesTheReplaySuiteAndTheCaseClosesAsRemedied() {
        String name = word();
        String caseId = acceptedGeneratedOutput(name, List.of("draw " + name, name + " fighting a monster"));
        Api platform = Api.as(baseUrl(), "platform");
        JsonNode remediation = cases.awaitRemediation("platform", caseId);
        String id = remediation.get("remediation_id").asText();
        assertThat(remediation.get("status").asText()).isEqualTo("AWAITING_OWNER");
        assertThat(remediation.get("owner_id").asText()).isEqualTo("org-platform");
        Api otherOwner = Api.as(baseUrl(), "platform-b");
        assertThat(otherOwner.get("/api/remediations/" + id).status())
                .as("another owner's remediation, like another organisation's case")
                .isEqualTo(404);
        assertThat(otherOwner.get("/api/remediations").body()).doesNotContain(id);
        assertThat(otherOwner
                        .post(
                                "/api/remediations/" + id + "/changes",
                                "{\"filter_version\": \"x\", \"description\": \"not mine\"}")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as(baseUrl(), "compliance")
                        .get("/api/remediations/" + id)
                        .json()
                        .get("remediation")
                        .get("owner_id")
                        .asText())
                .as("staff read every owner's")
                .isEqualTo("org-platform");

        Api.Response recorded = platform.post(
                "/api/remediations/" + id + "/changes",
                "{\"filter_version\": \"filter-2025.10\", \"model_version\": \"gen-4.1\","
                        + " \"description\": \"filter now covers the character's name in every script\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        awaitStatus(platform, id, "VERIFIED");
        assertThat(platform.post(
                                "/api/remediations/" + id + "/changes",
                                "{\"filter_version\": \"x\"," + " \"description\": \"again\"}")
                        .status())
                .as("a verified remediation takes no change")
                .isEqualTo(409);

        cases.fire(cases.awaitTimer(caseId, "notice-lifecycle", "Event_RedressWindowClosed"));
        cases.awaitStatus("rightsholder-a", caseId, "CLOSED_REMEDIED");

        Api compliance = Api.as(baseUrl(), "compliance");
        JsonNode report =
                compliance.get("/api/cases/" + caseId + "/remediation/report").json();
        assertThat(report.get("case_view").get("case_id").asText()).isEqualTo(caseId);
        assertThat(report.get("changes")).hasSize(1);
        assertThat(report.get("changes").get(0).get("model_version").asText()).isEqualTo("gen-4.1");
        assertThat(report.get("verifications")).hasSize(1);
        assertThat(report.get("verifications").get(0).get("outcome").asText()).isEqualTo("PASSED");
        assertThat(report.get("verifications").get(0).get("passed").asInt()).isEqualTo(2);
        assertThat(report.get("evidence_bundle").asText()).isEqualTo("/api/audit/cases/" + caseId + "/bundle");
        assertThat(types(report.get("measures"))).contains("PROMPT_FILTER");
        Api.Response text = compliance.get("/api/cases/" + caseId + "/remediation/report?format=text");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body())
                .contains(
                        "Model remediation report",
                        "filter-2025.10",
                        "PASSED",
                        "/api/audit/cases/" + caseId + "/bundle");
        assertThat(platform.get("/api/cases/" + caseId + "/remediation/report").status())
                .isEqualTo(403);
        assertThat(compliance
                        .get("/api/cases/" + UUID.randomUUID() + "/remediation/report")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void failedVerificationGoesBackToTheOwnerAndTheCaseWaitsUntilAChangePasses() {
        String name = word();
        String paraphrase = word();
        String caseId = acceptedGeneratedOutput(name, List.of("draw " + name, "the " + paraphrase + " of light"));
        Api platform = Api.as(baseUrl(), "platform");
        String id =
                cases.awaitRemediation("platform", caseId).get("remediation_id").asText();

        Api.Response invalid = platform.post("/api/remediations/" + id + "/changes", "{\"description\": \" \"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid.json())).containsExactlyInAnyOrder("description", "filter_version");

        assertThat(platform.post(
                                "/api/remediations/" + id + "/changes",
                                "{\"model_version\": \"gen-4.1\", \"description\": \"retrained without the character\"}")
                        .status())
                .isEqualTo(201);
        JsonNode failed = awaitStatus(platform, id, "AWAITING_OWNER");
        assertThat(failed.get("last_failure").asText()).contains("the " + paraphrase + " of light");

        cases.fire(cases.awaitTimer(caseId, "notice-lifecycle", "Event_RedressWindowClosed"));
        await().atMost(Cases.PATIENCE)
                .until(() -> runtime.createEventSubscriptionQuery()
                                .eventName("RemediationVerified")
                                .processInstanceId(lifecycle(caseId))
                                .count()
                        == 1);
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .get("/api/notices/" + caseId)
                        .json()
                        .get("status")
                        .asText())
                .as("not closed while the remediation is unverified")
                .isEqualTo("NOTIFIED");

        Api.Response tooBroad = platform.post(
                "/api/remediations/" + id + "/changes",
                "{\"filter_version\": \"filter-2025.11\", \"description\": \"every article\","
                        + " \"added_terms\": [\"the\"]}");
        assertThat(tooBroad.status()).isEqualTo(400);
        assertThat(tooBroad.contentType()).startsWith("application/problem+json");
        JsonNode refusedTerm = tooBroad.json().get("errors").get(0);
        assertThat(refusedTerm.get("field").asText()).isEqualTo("added_terms[0]");
        assertThat(refusedTerm.get("benign_share").asDouble()).isGreaterThan(0.005);

        assertThat(platform.post(
                                "/api/remediations/" + id + "/changes",
                                "{\"filter_version\": \"filter-2025.11\", \"description\": \"paraphrase added\","
                                        + " \"added_terms\": [\"" + paraphrase + "\"]}")
                        .status())
                .isEqualTo(201);
        awaitStatus(platform, id, "AWAITING_APPROVAL");
        Api moderator = Api.as(baseUrl(), "moderator");
        String reviewTask = awaitWideningTask(moderator, caseId);
        moderator.post("/api/tasks/" + reviewTask + "/claim", "");
        assertThat(moderator
                        .post(
                                "/api/tasks/" + reviewTask + "/decision",
                                "{\"outcome\":\"REJECT\",\"reason\":\"not a notice\"}")
                        .status())
                .as("a widening is not decided as a notice")
                .isEqualTo(409);
        Api.Response approved = moderator.post("/api/remediations/" + id + "/widening", "{\"outcome\": \"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("widening").asText()).isEqualTo("APPROVED");
        awaitStatus(platform, id, "VERIFIED");
        cases.awaitStatus("rightsholder-a", caseId, "CLOSED_REMEDIED");

        JsonNode report = Api.as(baseUrl(), "compliance")
                .get("/api/cases/" + caseId + "/remediation/report")
                .json();
        List<String> outcomes = new ArrayList<>();
        report.get("verifications").forEach(v -> outcomes.add(v.get("outcome").asText()));
        assertThat(outcomes).containsExactly("FAILED", "PASSED");
        List<String> filters = new ArrayList<>();
        report.get("measures").forEach(m -> {
            if (m.get("type").asText().equals("PROMPT_FILTER")) {
                filters.add(m.get("status").asText());
            }
        });
        assertThat(filters).as("the widened filter replaced the first").containsExactly("LIFTED", "APPLIED");
    }

    @Test
    void retractingTheNoticeLiftsItsMeasuresAndWithdrawsTheRemediation() {
        String name = word();
        String caseId = acceptedGeneratedOutput(name, List.of("draw " + name));
        Api platform = Api.as(baseUrl(), "platform");
        String id =
                cases.awaitRemediation("platform", caseId).get("remediation_id").asText();

        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .post("/api/notices/" + caseId + "/retraction", "")
                        .status())
                .isEqualTo(202);

        awaitStatus(platform, id, "WITHDRAWN");
        await().atMost(Cases.PATIENCE)
                .until(() -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey("model-remediation")
                                .processInstanceBusinessKey(caseId)
                                .count()
                        == 0);
        assertThat(platform.post(
                                "/api/remediations/" + id + "/changes",
                                "{\"filter_version\": \"x\"," + " \"description\": \"too late\"}")
                        .status())
                .as("nothing left to remedy")
                .isEqualTo(409);
        assertThat(platform.get("/api/remediations").body())
                .as("off the owner's list")
                .doesNotContain(id);
    }

    @Test
    void ownerPageListsTheRemediationAndRecordsAChangeThroughItsForm() {
        String name = word();
        String caseId = acceptedGeneratedOutput(name, List.of("draw " + name));
        Api platform = Api.as(baseUrl(), "platform");
        String id =
                cases.awaitRemediation("platform", caseId).get("remediation_id").asText();

        PageSession owner = PageSession.login(baseUrl(), "platform");
        PageSession.Response page = owner.get("/remediations");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(caseId, "/remediations/" + id + "/changes", "name=\"_csrf\"");
        assertThat(owner.get("/remediations?lang=zh-CN").body()).contains("模型整改", "记录修改并验证");

        PageSession.Response refused = owner.postForm(
                "/remediations/" + id + "/changes", Map.of("description", "", "filter_version", ""), true);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"", "description");
        PageSession.Response recorded = owner.postForm(
                "/remediations/" + id + "/changes",
                Map.of("filter_version", "filter-page-1", "description", "recorded on the page", "added_terms", ""),
                true);
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.location()).endsWith("/remediations");
        awaitStatus(platform, id, "VERIFIED");
        PageSession.Response staffPage =
                PageSession.login(baseUrl(), "compliance").get("/remediations?lang=en");
        assertThat(staffPage.status()).isEqualTo(200);
        assertThat(staffPage.body()).as("staff read, only the owner changes").doesNotContain("/changes\"");
        assertThat(PageSession.login(baseUrl(), "rightsholder-a")
                        .get("/remediations")
                        .status())
                .isEqualTo(403);
    }

    /** Registers a work with the replay suite, files a notice on generated output, accepts it with a prompt filter. */
    private String acceptedGeneratedOutput(String name, List<String> replayPrompts) {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        StringBuilder prompts = new StringBuilder();
        replayPrompts.forEach(p -> prompts.append(prompts.isEmpty() ? "" : ", ")
                .append('"')
                .append(p)
                .append('"'));
        Api.Response work = holder.post(
                "/api/works",
                "{\"title\": \"" + name + "\", \"terms\": [\"" + name + "\"], \"replay_prompts\": [" + prompts + "]}");
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        String workId = work.json().get("work_id").asText();
        String caseId = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "acct-gen-" + UUID.randomUUID())
                        .replace(
                                "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                "\"works\": [{\"title\": \"" + name + "\", \"registered_work_id\": \"" + workId
                                        + "\"}]")
                        .replace(
                                "\"type\": \"URL\"",
                                "\"type\": \"GENERATED_OUTPUT\", \"produce_id\": \"P-" + name + "\""));
        Api moderator = Api.as(baseUrl(), "moderator");
        String taskId = NoticeLifecycleIT.awaitTask(moderator, caseId);
        moderator.post("/api/tasks/" + taskId + "/claim", "");
        Api.Response decided = moderator.post(
                "/api/tasks/" + taskId + "/decision",
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"OUTPUT_PURGE\",\"PROMPT_FILTER\"],"
                        + "\"reason\":\"the output reproduces the character\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        cases.awaitStatus("rightsholder-a", caseId, "NOTIFIED");
        return caseId;
    }

    /** The moderators' "Review filter widening" task of the case, once the owner's change created it. */
    private static String awaitWideningTask(Api moderator, String caseId) {
        String[] found = new String[1];
        await().atMost(Cases.PATIENCE).until(() -> {
            for (JsonNode task : moderator.get("/api/tasks").json()) {
                if (task.get("case_id").asText().equals(caseId)
                        && task.get("kind").asText().equals("FILTER_WIDENING")) {
                    assertThat(task.get("name").asText()).isEqualTo("Review filter widening");
                    assertThat(task.get("queue").asText()).isEqualTo("MODERATOR");
                    assertThat(task.hasNonNull("due")).isTrue();
                    found[0] = task.get("task_id").asText();
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static JsonNode awaitStatus(Api platform, String id, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Cases.PATIENCE).until(() -> {
            found[0] = platform.get("/api/remediations/" + id).json().get("remediation");
            return found[0].get("status").asText().equals(status);
        });
        return found[0];
    }

    private String lifecycle(String caseId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("notice-lifecycle")
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
    }

    /** A made-up word no other test's filter blocks. */
    private static String word() {
        StringBuilder word = new StringBuilder("zor");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> types(JsonNode measures) {
        List<String> types = new ArrayList<>();
        measures.forEach(m -> types.add(m.get("type").asText()));
        return types;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
