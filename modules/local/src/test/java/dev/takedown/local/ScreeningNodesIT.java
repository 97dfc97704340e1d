package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.app.NodeRole;
import dev.takedown.app.ScreeningNode;
import dev.takedown.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The Ultraman remedy end to end: a moderator accepts a notice with a prompt filter, and moments later ordinary
 * prompts are refused by the app's screening and by a separate screening node that only reads Kafka; a licensee is
 * let through; lifting the measure lets the prompt through again everywhere.
 */
class ScreeningNodesIT extends StackTest {

    private static ConfigurableApplicationContext node;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    static synchronized String nodeUrl() {
        if (node == null) {
            node = new SpringApplicationBuilder(ScreeningNode.class)
                    .profiles(NodeRole.SCREENING.profiles())
                    // its platform client's secret is the demo's, which production refuses
                    .profiles("test")
                    .properties(Map.of(
                            "server.port",
                            "0",
                            "spring.kafka.bootstrap-servers",
                            TestInfrastructure.get().kafkaBootstrapServers(),
                            "takedown.node.clients.platform",
                            new BCryptPasswordEncoder().encode("demo"),
                            // it signs its answers with the screening nodes' key, as the local profile's nodes do
                            "takedown.enforcement.keys.screening-local.organisation",
                            "screening-nodes",
                            "takedown.enforcement.keys.screening-local.secret",
                            "local-demo-screening-key-not-for-production",
                            "takedown.screening.answer-key",
                            "screening-local"))
                    .run();
        }
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void acceptedPromptFilterBlocksOrdinaryPromptsOnEveryNodeUntilLifted() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String distinct = "Zyx" + UUID.randomUUID().toString().substring(0, 8);
        String workId = Api.as(baseUrl(), "rightsholder-a")
                .post("/api/works", """
                {"title": "%s", "terms": ["%s", "奥特曼%s"], "licensees": ["licensed-studio"],
                 "replay_prompts": ["draw %s"]}
                """.formatted(distinct, distinct, distinct, distinct))
                .json()
                .get("work_id")
                .asText();
        String caseId = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "acct-s")
                        .replace(
                                "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                "\"works\": [{\"title\": \"" + distinct + "\", \"registered_work_id\": \"" + workId
                                        + "\"}]"));
        cases.decide("moderator", caseId, "{\"outcome\":\"ACCEPT\",\"measures\":[\"PROMPT_FILTER\"]}");
        String measureId = cases.appliedMeasure(caseId, "PROMPT_FILTER");

        String spaced = String.join(" ", distinct.split(""));
        List<Api> nodes = List.of(Api.as(baseUrl(), "platform"), Api.as(nodeUrl(), "platform"));
        for (Api screening : nodes) {
            await().atMost(Cases.PATIENCE)
                    .untilAsserted(() -> assertThat(
                                    decision(screening, "a giant hero " + spaced + " fighting a monster", "user-1"))
                            .isEqualTo("BLOCK"));
            JsonNode verdict = screening
                    .post("/api/screen/prompt", prompt("please draw " + distinct.toUpperCase() + " at night", "user-1"))
                    .json();
            assertThat(verdict.get("measure_ids").get(0).asText()).isEqualTo(measureId);
            assertThat(verdict.get("warning").asText()).contains(distinct);
            assertThat(decision(screening, "draw " + distinct, "licensed-studio"))
                    .isEqualTo("ALLOW");
            assertThat(decision(screening, "a quiet landscape with mountains", "user-1"))
                    .isEqualTo("ALLOW");
        }

        Api.as(baseUrl(), "senior").post("/api/measures/" + measureId + "/lift", "{\"reason\":\"licence shown\"}");
        for (Api screening : nodes) {
            await().atMost(Cases.PATIENCE)
                    .untilAsserted(() -> assertThat(decision(screening, "please draw " + distinct, "user-1"))
                            .isEqualTo("ALLOW"));
        }
    }

    /**
     * A screening node has no database, yet a measure record it cannot read is dead-lettered with its reason under
     * the node's own consumer group (the application nodes then list it).
     */
    @Test
    void aScreeningNodeDeadLettersAnUnreadableMeasureRecordWithItsReason() throws Exception {
        nodeUrl();
        String nodeGroup = node.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().stream()
                .map(MessageListenerContainer::getGroupId)
                .filter(group -> group != null && group.startsWith("takedown-screening-"))
                .findFirst()
                .orElseThrow();
        String poisonKey = "node-poison-" + UUID.randomUUID();
        FaultKafka kafka = new FaultKafka(TestInfrastructure.get().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.MEASURES, 0, poisonKey, "{\"measureId\": \"" + poisonKey))
                    .get();
        }

        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(kafka.readAll(List.of(Topics.MEASURES + ".DLT")).stream()
                                .filter(r -> poisonKey.equals(r.key()))
                                .filter(r -> nodeGroup.equals(r.header("kafka_dlt-original-consumer-group")))
                                .map(r -> r.header("takedown-dlt-reason"))
                                .toList())
                        .singleElement()
                        .satisfies(reason -> assertThat(reason).startsWith("Json")));
    }

    @Test
    void screeningRefusesBadInputAndStrangers() {
        Api platform = Api.as(baseUrl(), "platform");
        assertThat(platform.post("/api/screen/prompt", prompt("", "u")).status())
                .isEqualTo(400);
        assertThat(platform.post("/api/screen/prompt", prompt("x".repeat(1_048_576), "u"))
                        .status())
                .isEqualTo(413);
        assertThat(platform.post("/api/screen/image", "{\"pdq\":\"not-hex\"}").status())
                .isEqualTo(400);
        assertThat(Api.anonymous(baseUrl())
                        .post("/api/screen/prompt", prompt("hi", "u"))
                        .status())
                .isEqualTo(401);
        assertThat(Api.as(baseUrl(), "moderator")
                        .post("/api/screen/prompt", prompt("hi", "u"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(nodeUrl(), "platform", "wrong")
                        .post("/api/screen/prompt", prompt("hi", "u"))
                        .status())
                .isEqualTo(401);
        assertThat(Api.as(nodeUrl(), "platform").get("/api/notices").status())
                .as("a node serves screening only")
                .isEqualTo(403);
    }

    private static String decision(Api screening, String text, String account) {
        return screening
                .post("/api/screen/prompt", prompt(text, account))
                .json()
                .get("decision")
                .asText();
    }

    private static String prompt(String text, String account) {
        return "{\"prompt\":\"" + text + "\",\"account_id\":\"" + account + "\"}";
    }
}
