package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** AIGC targets beyond URLs (issue 11): their identifiers are validated, and an unpublished LoRA stays out by hash. */
class AigcTargetsIT extends StackTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
    }

    @Test
    void aigcTargetsNeedTheirIdentifiers() {
        Api holder = Api.as(baseUrl(), "rightsholder-a");
        Api.Response noHash = holder.post("/api/notices", loraNotice(null));
        assertThat(noHash.status()).isEqualTo(400);
        assertThat(fields(noHash.json())).containsExactly("targets[0].sha256");
        assertThat(fields(holder.post("/api/notices", loraNotice("not-a-hash")).json()))
                .containsExactly("targets[0].sha256");
        Api.Response dataset = holder.post(
                "/api/notices",
                Cases.notice("CN_CC_1195", "acct-ds")
                        .replace("\"type\": \"URL\"", "\"type\": \"DATASET_ITEM\", \"dataset_id\": \"laion-x\""));
        assertThat(fields(dataset.json())).containsExactly("targets[0].item_id");
        Api.Response output = holder.post(
                "/api/notices",
                Cases.notice("CN_CC_1195", "acct-go").replace("\"type\": \"URL\"", "\"type\": \"GENERATED_OUTPUT\""));
        assertThat(fields(output.json())).containsExactly("targets[0].produce_id");

        Api platform = Api.as(baseUrl(), "platform");
        assertThat(platform.post("/api/screen/file", "{\"sha256\": \"xyz\"}").status())
                .isEqualTo(400);
        assertThat(fields(platform.post("/api/screen/file", "{}").json())).containsExactly("sha256");
        assertThat(Api.as(baseUrl(), "moderator")
                        .post("/api/screen/file", "{\"sha256\": \"" + "a".repeat(64) + "\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anUnpublishedLoraIsRefusedOnReuploadByItsHash() {
        String sha256 = HexFormat.of().formatHex(randomBytes());
        Api platform = Api.as(baseUrl(), "platform");
        String ask = "{\"sha256\": \"" + sha256.toUpperCase() + "\"}";
        assertThat(platform.post("/api/screen/file", ask).json().get("decision").asText())
                .isEqualTo("ALLOW");

        String caseId = cases.file("rightsholder-a", loraNotice(sha256));
        Api senior = Api.as(baseUrl(), "senior");
        String review = NoticeLifecycleIT.awaitTask(senior, caseId);
        senior.post("/api/tasks/" + review + "/claim", "");
        assertThat(senior.post(
                                "/api/tasks/" + review + "/decision",
                                "{\"outcome\":\"ACCEPT\","
                                        + "\"measures\":[\"UNPUBLISH_MODEL\",\"BLOCK_REUPLOAD\",\"DELIST\"],"
                                        + "\"reason\":\"the LoRA reproduces the character\"}")
                        .status())
                .isEqualTo(200);

        Api other = Api.as(baseUrl(), seniorModerator());
        String confirmation = NoticeLifecycleIT.awaitTask(other, caseId);
        other.post("/api/tasks/" + confirmation + "/claim", "");
        assertThat(other.post("/api/tasks/" + confirmation + "/decision", "{\"outcome\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(200);
        cases.awaitStatus("rightsholder-a", caseId, "NOTIFIED");

        JsonNode measures = Api.as(baseUrl(), "compliance")
                .get("/api/measures?case_id=" + caseId)
                .json();
        List<String> types = new ArrayList<>();
        measures.forEach(
                m -> types.add(m.get("type").asText() + ":" + m.get("status").asText()));
        assertThat(types)
                .containsExactlyInAnyOrder("UNPUBLISH_MODEL:APPLIED", "BLOCK_REUPLOAD:APPLIED", "DELIST:APPLIED");
        String blockId = null;
        for (JsonNode m : measures) {
            if (m.get("type").asText().equals("BLOCK_REUPLOAD")) {
                blockId = m.get("measure_id").asText();
            }
        }
        String expected = blockId;
        await().atMost(Cases.PATIENCE).untilAsserted(() -> {
            JsonNode verdict = platform.post("/api/screen/file", ask).json();
            assertThat(verdict.get("decision").asText()).isEqualTo("BLOCK");
            assertThat(verdict.get("measure_ids").get(0).asText()).isEqualTo(expected);
            assertThat(verdict.get("reason").asText()).isEqualTo("SAME_FILE");
        });
        JsonNode renamed = platform.post(
                        "/api/screen/file",
                        "{\"sha256\": \"" + "1".repeat(64) + "\", \"name\": \"Ultra_LoRA_v1 (retrained).safetensors\"}")
                .json();
        assertThat(renamed.get("decision").asText())
                .as("a changed file under the blocked model's name, under a Chinese profile")
                .isEqualTo("BLOCK");
        assertThat(renamed.get("reason").asText()).isEqualTo("SIMILAR_TO_BLOCKED");
        assertThat(renamed.get("measure_ids")).extracting(JsonNode::asText).contains(expected);
        assertThat(platform.post("/api/screen/file", "{\"sha256\": \"" + "0".repeat(64) + "\"}")
                        .json()
                        .get("decision")
                        .asText())
                .as("another file is accepted")
                .isEqualTo("ALLOW");

        assertThat(senior.post("/api/measures/" + expected + "/lift", "{\"reason\":\"licence obtained\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(platform.post("/api/screen/file", ask)
                                .json()
                                .get("decision")
                                .asText())
                        .isEqualTo("ALLOW"));
    }

    @Test
    void reuploadBlockNeedsAHashedTarget() {
        String caseId = cases.file("rightsholder-a", Cases.notice("CN_CC_1195", "acct-nohash"));
        Api.Response refused = cases.decide(
                "moderator",
                caseId,
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\",\"BLOCK_REUPLOAD\"],\"reason\":\"copies\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("measures[1]");
    }

    static String loraNotice(String sha256) {
        String hash = sha256 == null ? "" : ", \"sha256\": \"" + sha256 + "\"";
        return Cases.notice("CN_CC_1195", "acct-lora-" + UUID.randomUUID())
                .replace("\"type\": \"URL\"", "\"type\": \"LORA\", \"model_id\": \"ultra-lora-v1\"" + hash);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private String seniorModerator() {
        String user = "senior-" + UUID.randomUUID();
        jdbc.update(
                "insert into app_user (username, password_hash, role) values (?, ?, 'SENIOR_MODERATOR')",
                user,
                passwords.encode("demo"));
        return user;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
