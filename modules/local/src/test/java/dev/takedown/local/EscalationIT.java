package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A moderator escalates a review with a reason (issue 6): the task leaves the moderators' queue, lands in the senior
 * moderators' one, and the case history and the audit ledger record who escalated and why, as they record the
 * overdue timer's escalation.
 */
class EscalationIT extends StackTest {

    @Test
    void moderatorEscalatesAReviewToTheSeniorQueueWithAReason() {
        Cases cases = new Cases(baseUrl(), null, null);
        String caseId = cases.file("rightsholder-a", Cases.notice("CN_CC_1195", "acct-esc-" + UUID.randomUUID()));
        Api moderator = Api.as(baseUrl(), "moderator");
        Api senior = Api.as(baseUrl(), "senior");
        String taskId = NoticeLifecycleIT.awaitTask(moderator, caseId);
        assertThat(moderator.get("/api/tasks/" + taskId).json().get("queue").asText())
                .isEqualTo("MODERATOR");

        Api.Response noReason = moderator.post("/api/tasks/" + taskId + "/escalate", "{\"reason\":\"  \"}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        Api.Response tooLong =
                moderator.post("/api/tasks/" + taskId + "/escalate", "{\"reason\":\"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);

        // someone else's claim blocks it; my own claim does not
        assertThat(senior.post("/api/tasks/" + taskId + "/claim", "").status()).isEqualTo(200);
        assertThat(moderator
                        .post("/api/tasks/" + taskId + "/escalate", "{\"reason\":\"not mine\"}")
                        .status())
                .as("claimed by the senior moderator")
                .isEqualTo(409);
        assertThat(senior.post("/api/tasks/" + taskId + "/escalate", "{\"reason\":\"claimed by me\"}")
                        .status())
                .as("the senior moderator's own claim")
                .isEqualTo(200);

        // the escalated review: gone from the moderators' queue, open in the senior queue, not escalatable again
        assertThat(StreamSupport.stream(moderator.get("/api/tasks").json().spliterator(), false)
                        .map(t -> t.get("case_id").asText()))
                .doesNotContain(caseId);
        String seniorTask = NoticeLifecycleIT.awaitTask(senior, caseId);
        JsonNode escalated = senior.get("/api/tasks/" + seniorTask).json();
        assertThat(escalated.get("queue").asText()).isEqualTo("SENIOR_MODERATOR");
        assertThat(escalated.get("priority").asInt()).isEqualTo(80);
        assertThat(escalated.has("assignee")).as("unclaimed").isFalse();
        Api.Response again = senior.post("/api/tasks/" + seniorTask + "/escalate", "{\"reason\":\"again\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        JsonNode history = Api.as(baseUrl(), "rightsholder-a")
                .get("/api/notices/" + caseId)
                .json()
                .get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("ESCALATED");
        assertThat(last.get("actor").asText()).isEqualTo("senior");
        assertThat(last.get("note").asText()).contains("claimed by me");

        Api compliance = Api.as(baseUrl(), "compliance");
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(
                                compliance.get("/api/audit/cases/" + caseId).body())
                        .contains("dev.takedown.task.escalated.v1")
                        .contains("claimed by me"));
    }

    @Test
    void aModeratorEscalatesAnOpenReview() {
        String caseId = new Cases(baseUrl(), null, null)
                .file("rightsholder-b", Cases.notice("EU_DSA", "acct-esc-" + UUID.randomUUID()));
        Api moderator = Api.as(baseUrl(), "moderator");
        String taskId = NoticeLifecycleIT.awaitTask(moderator, caseId);
        Api.Response done = moderator.post(
                "/api/tasks/" + taskId + "/escalate",
                "{\"reason\":\"The notifier may be a competitor; needs a senior view.\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("queue").asText()).isEqualTo("SENIOR_MODERATOR");
        assertThat(done.json().get("case_id").asText()).isEqualTo(caseId);
        assertThat(moderator.get("/api/tasks/" + taskId).status()).isEqualTo(404);
        NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "senior"), caseId);
        JsonNode history = Api.as(baseUrl(), "rightsholder-b")
                .get("/api/notices/" + caseId)
                .json()
                .get("history");
        assertThat(history.get(history.size() - 1).get("actor").asText()).isEqualTo("moderator");
    }
}
