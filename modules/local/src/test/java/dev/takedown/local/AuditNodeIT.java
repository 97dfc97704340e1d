package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takedown.app.AuditNode;
import dev.takedown.app.NodeRole;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** An audit node of the same artifact reads the shared ledger and answers compliance officers, nothing else. */
class AuditNodeIT extends StackTest {

    private static ConfigurableApplicationContext node;

    /** The app's checkpoint key: the audit node verifies checkpoint signatures against it, as a deployment would. */
    @Value("${takedown.audit.signing.key-path}")
    private String signingKey;

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void auditNodeServesTheLedgerToComplianceOnly() {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
        properties.put("server.port", "0");
        properties.put("takedown.audit.signing.key-path", signingKey);
        node = new SpringApplicationBuilder(AuditNode.class)
                .profiles(NodeRole.AUDIT.profiles())
                .properties(properties)
                .run();
        String nodeUrl = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");

        String caseId = Api.as(baseUrl(), "rightsholder-a")
                .post("/api/notices", Notices.complete("https://gen.example/audit/" + UUID.randomUUID()))
                .json()
                .get("case_id")
                .asText();
        Api compliance = Api.as(nodeUrl, "compliance");
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(compliance
                                .get("/api/audit/cases/" + caseId)
                                .json()
                                .toString())
                        .contains("dev.takedown.notice.received.v1"));
        var verify = compliance.get("/api/audit/verify").json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(Api.as(nodeUrl, "moderator").get("/api/audit/verify").status())
                .isEqualTo(403);
        assertThat(Api.as(nodeUrl, "rightsholder-a").get("/api/notices").status())
                .as("an audit node audits only")
                .isEqualTo(403);
    }
}
