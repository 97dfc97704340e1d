package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.events.Topics;
import dev.takedown.testing.NoticeJson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * AIGC duties beyond removal (issue 11) through the whole system: Spring Breeze claims routed by triage, and a label
 * check and a risk warning reported over Kafka reaching the review screen and, through the ledger, the compliance
 * case page. How labels are assessed and kept and which warning a target's uploader had seen are the aigc module's
 * tests ({@code LabelEvidenceTest}, {@code RiskWarningsTest}, {@code InboundRiskWarningsTest}, {@code AigcApiTest}).
 */
class AigcDutiesIT extends StackTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    private static final String CREATION = """
            "creation_evidence": {"prompts": ["ultra-detailed, girl in spring breeze, cinematic"],
              "parameters": "steps=30, cfg=7", "seeds": ["2515331"], "iteration_history": ["v1", "v2 added lighting"],
              "original_post_url": "https://xiaohongshu.example/p/1", "watermark": "@li-author"},
            """;

    @Test
    void springBreezeClaimsGoToSeniorReviewInTheUsAndRouteNormallyInChina() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        String us = file(
                holder,
                NoticeJson.complete("US_DMCA")
                        .account("acct-sb-us")
                        .json()
                        .replace("\"works\":", CREATION + "\"works\":"));
        String cn = file(
                holder,
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-sb-cn")
                        .json()
                        .replace("\"works\":", CREATION + "\"works\":"));

        Api senior = Api.as(baseUrl(), "senior");
        NoticeLifecycleIT.awaitTask(senior, us);
        NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), cn);
        assertThat(NoticeLifecycleIT.ids(
                        Api.as(baseUrl(), "moderator").get("/api/tasks").json()))
                .as("the US claim is for senior moderators only")
                .doesNotContain(us)
                .contains(cn);
        JsonNode usTask = task(senior.get("/api/tasks").json(), us);
        assertThat(usTask.get("queue").asText()).isEqualTo("SENIOR_MODERATOR");
        assertThat(holder.get("/api/notices/" + us).json().get("history").toString())
                .contains("human authorship must be assessed");
        assertThat(holder.get("/api/notices/" + cn).json().get("history").toString())
                .doesNotContain("human authorship");

        Api.Response badUrl = holder.post(
                "/api/notices",
                NoticeJson.complete("US_DMCA")
                        .account("acct-sb")
                        .json()
                        .replace(
                                "\"works\":",
                                CREATION.replace("https://xiaohongshu.example/p/1", "javascript:alert(1)")
                                        + "\"works\":"));
        assertThat(badUrl.status())
                .as("curable: stored, and the notifier told what to fix")
                .isEqualTo(201);
        assertThat(badUrl.json().get("missing").toString()).contains("creation_evidence.original_post_url");
    }

    @Test
    void theReviewScreenAndTheComplianceCasePageShowTheAigcFacts() throws Exception {
        String account = "acct-facts-" + UUID.randomUUID();
        kafka.send(
                Topics.RISK_WARNINGS,
                account,
                ack(account, "UA-8", "RW-7", "2025-05-01T00:00:00Z").getBytes(StandardCharsets.UTF_8));
        String caseId = file(
                Api.as(baseUrl(), "rightsholder-a"),
                NoticeJson.complete("CN_CC_1195")
                        .account(account)
                        .json()
                        .replace(
                                "\"type\": \"URL\"",
                                "\"type\": \"GENERATED_OUTPUT\", \"produce_id\": \"P-7\", "
                                        + "\"generated_at\": \"2025-06-15T00:00:00Z\""));
        assertThat(labelCheck("moderator", caseId, "0", png()).body()).contains("\"status\":\"MISSING\"");
        Api moderator = Api.as(baseUrl(), "moderator");
        String taskId = NoticeLifecycleIT.awaitTask(moderator, caseId);
        moderator.post("/api/tasks/" + taskId + "/claim", "");

        PageSession review = PageSession.login(baseUrl(), "moderator");
        // the acknowledgement went over Kafka: the review screen shows it once the listener has stored it
        await().atMost(Cases.PATIENCE)
                .untilAsserted(
                        () -> assertThat(review.get("/tasks/" + taskId).body()).contains("RW-7"));
        String screen = review.get("/tasks/" + taskId).body();
        assertThat(screen)
                .contains(
                        "id=\"aigc-facts\"",
                        "label missing",
                        "UA-8",
                        "RW-7",
                        "2025-05-01T00:00:00Z",
                        "value=\"LABEL\"");
        assertThat(review.get("/tasks/" + taskId + "?lang=zh-CN").body()).contains("缺少标识", "标注为人工智能生成");

        assertThat(moderator
                        .post(
                                "/api/tasks/" + taskId + "/decision",
                                "{\"outcome\":\"ACCEPT\","
                                        + "\"measures\":[\"LABEL\"],\"reason\":\"the output carries no implicit label\"}")
                        .status())
                .isEqualTo(200);
        PageSession compliance = PageSession.login(baseUrl(), "compliance");
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(
                                compliance.get("/audit/cases/" + caseId).body())
                        .contains("id=\"label-checks\"", "id=\"risk-warnings\"", "RW-7", "UA-8", account));
    }

    private static String ack(String account, String agreement, String warning, String shownAt) {
        return """
                {"account_id": "%s", "agreement_version": "%s", "risk_warning_version": "%s", "shown_at": "%s"}
                """.formatted(account, agreement, warning, shownAt);
    }

    private static String file(Api holder, String notice) {
        Api.Response filed = holder.post("/api/notices", notice);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("case_id").asText();
    }

    private HttpResponse<String> labelCheck(String user, String caseId, String index, byte[] image) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/notices/" + caseId + "/targets/" + index + "/label-check"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(head, image, tail)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode task(JsonNode tasks, String caseId) {
        for (JsonNode task : tasks) {
            if (task.get("case_id").asText().equals(caseId)) {
                return task;
            }
        }
        throw new AssertionError("no task for " + caseId);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
