package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's REST API as administrators reach it: deploying a model (which would run its code in the application) is
 * refused by default, expressions in queries are off, and every call, refused or not, lands on the audit ledger with
 * the administrator who made it. An allowed deployment is EngineRestDeploymentTest's (modules/workflow).
 */
class EngineRestIT extends StackTest {

    private static final String CALLED = "dev.takedown.access.engine-rest-called.v1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeploymentIsRefusedAndNothingIsDeployed() {
        String key = "rogue-" + UUID.randomUUID().toString().substring(0, 8);
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/>
                    <scriptTask id="t" scriptFormat="javascript"><script>java.lang.System.exit(1)</script></scriptTask>
                  </process>
                </definitions>
                """.formatted(key);
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create")) {
            Api.Response refused = Api.as(baseUrl(), "admin")
                    .postMultipart(
                            path,
                            List.of(
                                    new Api.Part("deployment-name", null, key.getBytes(StandardCharsets.UTF_8)),
                                    new Api.Part("data", key + ".bpmn", model.getBytes(StandardCharsets.UTF_8))));
            assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains("takedown.engine-rest.deployments=REFUSED");
        }
        assertThat(Api.as(baseUrl(), "admin")
                        .get("/engine-rest/process-definition?key=" + key)
                        .json())
                .isEmpty();
        assertThat(Api.as(baseUrl(), "admin")
                        .post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}")
                        .status())
                .as("stored queries are code too")
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ledger("admin", "/deployment/create"))
                        .as("the refused attempts are on the record")
                        .hasSize(2)
                        .allSatisfy(r -> assertThat(r.get("payload").toString()).contains("\"status\":403")));
    }

    @Test
    void expressionsInQueriesAreRefusedByTheEngine() {
        Api.Response refused = Api.as(baseUrl(), "admin").get("/engine-rest/task?dueBeforeExpression=%24%7Bnow()%7D");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void everyAdministratorCallIsOnTheLedgerWithItsActor() {
        String marker = "ledger-" + UUID.randomUUID();
        Api.Response read = Api.as(baseUrl(), "admin").get("/engine-rest/process-definition?key=" + marker);
        assertThat(read.status()).isEqualTo(200);

        List<Map<String, Object>> records =
                await().atMost(Duration.ofSeconds(30)).until(() -> ledger("admin", marker), r -> !r.isEmpty());

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo("admin");
            assertThat(r.get("actor_type")).isEqualTo("HUMAN");
            assertThat(r.get("topic")).isEqualTo("takedown.access-log");
            assertThat(r.get("payload").toString())
                    .contains("\"method\":\"GET\"")
                    .contains("\"path\":\"/engine-rest/process-definition\"")
                    .contains("\"query\":\"key=" + marker + "\"")
                    .contains("\"status\":200");
        });
    }

    private List<Map<String, Object>> ledger(String actor, String fragment) {
        return jdbc.queryForList(
                "select actor, actor_type, topic, payload from audit_ledger where event_type = ? and actor = ? "
                        + "and payload like ?",
                CALLED,
                actor,
                "%" + fragment + "%");
    }
}
