package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.testing.NoticeJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A registered work becomes a filter measure when a moderator accepts a notice naming it, and the registration page
 * refuses what it cannot read. The registry's own rules (tenancy, validation, reference-image hashes) are
 * {@code ProtectedWorksTest}'s in modules/works.
 */
class ProtectedWorkIT extends StackTest {

    static final String ULTRAMAN = """
            {
              "title": "Ultraman",
              "terms": ["奥特曼", "Ultraman", "ウルトラマン", "迪迦", "Tiga", "戴拿", "Dyna"],
              "combinations": [{"phrases": ["giant", "red and silver", "colour timer"], "at_least": 2,
                                "window_words": 8}],
              "licensees": ["licensed-studio"],
              "replay_prompts": ["画一个奥特曼", "Ultraman fighting a monster"]
            }
            """;

    @Test
    void registeredWorkCompilesIntoAFilterMeasure() {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        Api.Response registered = holderA.post("/api/works", ULTRAMAN);
        assertThat(registered.status()).isEqualTo(201);
        String workId = registered.json().get("work_id").asText();
        assertThat(registered.location()).isEqualTo("/api/works/" + workId);
        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .get("/api/works/" + workId)
                        .status())
                .as("another organisation's work")
                .isEqualTo(404);

        String caseId = holderA.post(
                        "/api/notices",
                        NoticeJson.complete("CN_CC_1195")
                                .target("https://gen.example/w/" + UUID.randomUUID())
                                .json()
                                .replace(
                                        "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                        "\"works\": [{\"title\": \"Ultraman Tiga\", \"registered_work_id\": \"" + workId
                                                + "\"}]"))
                .json()
                .get("case_id")
                .asText();
        Api moderator = Api.as(baseUrl(), "moderator");
        String taskId = NoticeLifecycleIT.awaitTask(moderator, caseId);
        moderator.post("/api/tasks/" + taskId + "/claim", "");
        assertThat(moderator
                        .post(
                                "/api/tasks/" + taskId + "/decision",
                                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\",\"PROMPT_FILTER\"]}")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(moderator, caseId).equals(List.of("APPLIED", "APPLIED")));
        JsonNode filter = filterOf(moderator, caseId);
        assertThat(texts(filter.get("rule").get("terms"))).contains("奥特曼", "ウルトラマン", "Tiga", "Ultraman Tiga");
        assertThat(texts(filter.get("rule").get("licensees"))).containsExactly("licensed-studio");
        assertThat(filter.get("target_url")).as("a filter has no single target").isNull();

        Api senior = Api.as(baseUrl(), "senior");
        String measureId = filter.get("measure_id").asText();
        assertThat(moderator
                        .post("/api/measures/" + measureId + "/lift", "{\"reason\":\"x\"}")
                        .status())
                .as("only senior moderators lift")
                .isEqualTo(403);
        assertThat(senior.post("/api/measures/" + measureId + "/lift", "{}").status())
                .isEqualTo(400);
        assertThat(senior.post("/api/measures/" + measureId + "/lift", "{\"reason\":\"licence shown\"}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("LIFTED");
        assertThat(senior.post("/api/measures/" + UUID.randomUUID() + "/lift", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }

    private static List<String> statuses(Api api, String caseId) {
        List<String> statuses = new ArrayList<>();
        api.get("/api/measures?case_id=" + caseId)
                .json()
                .forEach(m -> statuses.add(m.get("status").asText()));
        return statuses;
    }

    private static JsonNode filterOf(Api api, String caseId) {
        for (JsonNode measure : api.get("/api/measures?case_id=" + caseId).json()) {
            if (measure.get("type").asText().equals("PROMPT_FILTER")) {
                return measure;
            }
        }
        throw new AssertionError("no filter measure on " + caseId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** The page's answer to a file that is no picture: the problem at the field, nothing registered. */
    @Test
    void anUnreadableReferenceImageIsRefusedAtItsField() {
        PageSession page = PageSession.login(baseUrl(), "rightsholder-a");
        String title = "ref-unreadable-" + UUID.randomUUID();
        PageSession.Response refused = page.postMultipart(
                "/works?_csrf=" + page.csrfToken(),
                List.of(
                        new Api.Part("title", null, title.getBytes(StandardCharsets.UTF_8)),
                        new Api.Part(
                                "referenceImages", "notes.png", "not a picture".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"referenceImages-problem\"").contains("notes.png");
        assertThat(workTitled(title)).as("nothing registered").isNull();
    }

    private JsonNode workTitled(String title) {
        for (JsonNode work :
                Api.as(baseUrl(), "rightsholder-a").get("/api/works").json()) {
            if (title.equals(work.get("definition").get("title").asText())) {
                return work;
            }
        }
        return null;
    }
}
