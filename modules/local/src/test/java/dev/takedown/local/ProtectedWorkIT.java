package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.screening.PdqHash;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A registered work becomes a filter measure when a moderator accepts a notice naming it. */
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
                        Notices.complete("https://gen.example/w/" + UUID.randomUUID())
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

    @Test
    void invalidWorkNamesEveryProblem() {
        Api.Response refused = Api.as(baseUrl(), "rightsholder-b").post("/api/works", """
                {"terms": [""], "combinations": [{"phrases": ["giant"], "at_least": 1}],
                 "image_hashes": ["xyz"]}
                """);
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "terms[0]", "combinations[0].phrases", "image_hashes[0]");
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

    @Test
    void referenceImagesUploadedOnThePageAreKeptAsTheirPdqHashes() throws Exception {
        byte[] gradient = png((x, y) -> (x * 255 / 127) << 16 | (y * 255 / 127) << 8);
        byte[] rings = png((x, y) -> ((x - 64) * (x - 64) + (y - 64) * (y - 64)) / 40 % 2 == 0 ? 0xffffff : 0);
        String gradientHash = registerWithImage("ref-gradient", gradient);
        assertThat(registerWithImage("ref-gradient-again", gradient))
                .as("the same picture, the same hash")
                .isEqualTo(gradientHash);
        String ringsHash = registerWithImage("ref-rings", rings);
        assertThat(PdqHash.fromHex(ringsHash).distance(PdqHash.fromHex(gradientHash)))
                .as("an unrelated picture is far beyond the match distance")
                .isGreaterThan(31);

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

    private String registerWithImage(String name, byte[] image) {
        PageSession page = PageSession.login(baseUrl(), "rightsholder-a");
        String title = name + "-" + UUID.randomUUID();
        PageSession.Response registered = page.postMultipart(
                "/works?_csrf=" + page.csrfToken(),
                List.of(
                        new Api.Part("title", null, title.getBytes(StandardCharsets.UTF_8)),
                        new Api.Part("referenceImages", name + ".png", image)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        JsonNode work = workTitled(title);
        assertThat(work).isNotNull();
        assertThat(work.get("definition").get("image_hashes")).hasSize(1);
        String hash = work.get("definition").get("image_hashes").get(0).asText();
        assertThat(hash).matches("[0-9a-f]{64}");
        return hash;
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

    private static byte[] png(IntBinaryOperator rgb) throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 128; x++) {
            for (int y = 0; y < 128; y++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
