package dev.takedown.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.app.UnsafeProductionSettings.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Every setting production refuses, each named with its fix; the whole start is ProductionStartIT's. */
class ProductionSettingsTest {

    private static final Path PRODUCTION_REALM = Path.of("../../config/keycloak/takedown-realm.json");
    private static final Path DEMO_REALM = Path.of("../../config/keycloak/takedown-demo-realm.json");

    @TempDir
    Path keys;

    private MockEnvironment safe() throws IOException {
        return withoutIntakeKeys()
                .withProperty("takedown.intake.keys.portal-a.organisation", "org-a")
                .withProperty("takedown.intake.keys.portal-a.secret", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d");
    }

    private MockEnvironment withoutIntakeKeys() throws IOException {
        Path key = Files.writeString(keys.resolve("audit-ed25519.pem"), "a key");
        return new MockEnvironment()
                .withProperty("takedown.links.secret", "4f1c0d7e2b9a8c6e5d3f1a0b9c8d7e6f5a4b3c2d")
                .withProperty("takedown.audit.signing.key-path", key.toString())
                .withProperty("takedown.time-compression", "1")
                .withProperty("takedown.review.time-compression", "1")
                .withProperty("takedown.node.clients.platform", new BCryptPasswordEncoder(4).encode("a-real-secret"))
                .withProperty("takedown.security.trusted-proxies[0]", "10.0.0.5")
                .withProperty("takedown.security.trusted-proxies[1]", "10.1.0.0/16")
                .withProperty("takedown.security.realm-imports[0]", PRODUCTION_REALM.toString())
                .withProperty("takedown.designated-agent.registration-number", "DMCA-1051234")
                .withProperty("takedown.designated-agent.email", "copyright@platform.com")
                .withProperty("takedown.art18.authority.name", "Landeskriminalamt Berlin")
                .withProperty("takedown.art18.authority.email", "internetwache@polizei.berlin.de")
                .withProperty("takedown.enforcement.keys.screening-2026.organisation", "screening-nodes")
                .withProperty(
                        "takedown.enforcement.keys.screening-2026.secret", "7d1e0f9c2b8a3d4e5f6a7b8c9d0e1f2a3b4c5d6e")
                .withProperty("takedown.screening.answer-key", "screening-2026")
                .withProperty("server.forward-headers-strategy", "none")
                .withProperty("camunda.bpm.database.schema-update", "false")
                .withProperty("camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries", "false");
    }

    @Test
    void safeSettingsPass() throws IOException {
        assertThat(ProductionSettings.findings(safe())).isEmpty();
        assertThatCode(() -> new ProductionSettings().postProcessEnvironment(safe(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void everyUnsafeSettingIsNamedAtOnceWithItsFix() throws IOException {
        MockEnvironment unsafe = safe().withProperty(
                        "takedown.links.secret", "local-demo-secret-not-for-production-0123456789")
                .withProperty("takedown.audit.signing.generate-if-missing", "true")
                .withProperty("takedown.audit.signing.key-path", "")
                .withProperty("takedown.time-compression", "21600")
                .withProperty("takedown.review.time-compression", "60")
                .withProperty("takedown.node.clients.platform", ProductionSettings.ENV_EXAMPLE_CLIENT_HASH)
                .withProperty("takedown.node.clients.other", new BCryptPasswordEncoder(4).encode("demo"))
                .withProperty("takedown.security.trusted-proxies[1]", "0.0.0.0/0")
                .withProperty("takedown.security.realm-imports[0]", DEMO_REALM.toString())
                .withProperty("takedown.engine-rest.deployments", "ALLOWED")
                .withProperty("camunda.bpm.database.schema-update", "true")
                .withProperty("camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries", "true");

        UnsafeProductionSettings refused = catchThrowableOfType(
                UnsafeProductionSettings.class,
                () -> new ProductionSettings().postProcessEnvironment(unsafe, new SpringApplication()));

        assertThat(refused.findings().stream().map(Finding::setting))
                .containsExactlyInAnyOrder(
                        "takedown.links.secret",
                        "takedown.audit.signing.generate-if-missing",
                        "takedown.audit.signing.key-path",
                        "takedown.time-compression",
                        "takedown.review.time-compression",
                        "takedown.node.clients.platform",
                        "takedown.node.clients.other",
                        "takedown.security.trusted-proxies",
                        "takedown.security.realm-imports (" + DEMO_REALM + ")",
                        "takedown.security.realm-imports (" + DEMO_REALM + ")",
                        "takedown.engine-rest.deployments",
                        "camunda.bpm.database.schema-update",
                        "camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries");
        assertThat(refused.findings()).allSatisfy(f -> assertThat(f.fix()).isNotBlank());
        assertThat(refused.getMessage())
                .contains("takedown.time-compression: is 21600")
                .contains("imports " + demoUsers() + " users")
                .contains("client 'takedown-api' is public and takes passwords");
    }

    @Test
    void aMissingKeyFileAndTrustingEveryPeerAreRefused() throws IOException {
        List<Finding> findings = ProductionSettings.findings(safe().withProperty(
                        "takedown.audit.signing.key-path",
                        keys.resolve("absent.pem").toString())
                .withProperty("server.forward-headers-strategy", "framework"));
        assertThat(findings)
                .extracting(Finding::setting)
                .containsExactlyInAnyOrder("takedown.audit.signing.key-path", "server.forward-headers-strategy");

        assertThat(ProductionSettings.findings(safe().withProperty("server.forward-headers-strategy", "native")
                        .withProperty("server.tomcat.remoteip.internal-proxies", ".*")))
                .extracting(Finding::setting)
                .containsExactly("server.forward-headers-strategy");
        assertThat(ProductionSettings.findings(safe().withProperty("server.forward-headers-strategy", "native")
                        .withProperty("server.tomcat.remoteip.internal-proxies", "10\\.0\\.0\\.5")))
                .isEmpty();
    }

    @Test
    void theKafkaIntakeNeedsAKeyOfItsOwnPerOrganisationUnlessItIsOff() throws IOException {
        MockEnvironment demoKeys = safe().withProperty(
                        "takedown.intake.keys.portal-a.secret", "local-demo-intake-key-org-a-not-for-production")
                .withProperty("takedown.intake.keys.portal-b.organisation", "org-b")
                .withProperty("takedown.intake.keys.portal-b.secret", "short");
        assertThat(ProductionSettings.findings(demoKeys))
                .extracting(Finding::setting)
                .containsExactlyInAnyOrder(
                        "takedown.intake.keys.portal-a.secret", "takedown.intake.keys.portal-b.secret");

        MockEnvironment noKeys = withoutIntakeKeys();
        assertThat(ProductionSettings.findings(noKeys))
                .extracting(Finding::setting)
                .containsExactly("takedown.intake.keys");
        assertThat(ProductionSettings.findings(noKeys.withProperty("takedown.intake.kafka-enabled", "false")))
                .isEmpty();
    }

    /** The platform's key confirms removals: the local demo key would let anyone say content was taken down. */
    @Test
    void aPlatformKeyForEnforcementAnswersIsNoDemoKey() throws IOException {
        assertThat(ProductionSettings.findings(
                        safe().withProperty("takedown.enforcement.keys.platform-local.organisation", "platform")
                                .withProperty(
                                        "takedown.enforcement.keys.platform-local.secret",
                                        "local-demo-platform-key-not-for-production")))
                .extracting(Finding::setting)
                .containsExactly("takedown.enforcement.keys.platform-local.secret");
        assertThat(ProductionSettings.findings(
                        safe().withProperty("takedown.enforcement.keys.platform-2026.organisation", "platform")
                                .withProperty(
                                        "takedown.enforcement.keys.platform-2026.secret",
                                        "5b0c3e9a1d7f4e26b8a0c9d1e2f3a4b5c6d7e8f9")))
                .isEmpty();
    }

    /** The screening nodes' key confirms filters: without one none is ever confirmed, a demo one lets anyone. */
    @Test
    void everyNodeThatScreensNeedsTheScreeningNodesKey() throws IOException {
        assertThat(ProductionSettings.findings(safe().withProperty("takedown.screening.answer-key", "")))
                .extracting(Finding::setting)
                .containsExactly("takedown.screening.answer-key");
        assertThat(ProductionSettings.findings(safe().withProperty("takedown.screening.answer-key", "platform-2026")
                        .withProperty("takedown.enforcement.keys.platform-2026.organisation", "platform")
                        .withProperty(
                                "takedown.enforcement.keys.platform-2026.secret",
                                "5b0c3e9a1d7f4e26b8a0c9d1e2f3a4b5c6d7e8f9")))
                .as("the platform's key is not the screening nodes'")
                .extracting(Finding::setting)
                .containsExactly("takedown.screening.answer-key");

        MockEnvironment screening = new MockEnvironment()
                .withProperty("takedown.node.clients.platform", new BCryptPasswordEncoder(4).encode("a-real-secret"))
                .withProperty("takedown.enforcement.keys.screening-local.organisation", "screening-nodes")
                .withProperty(
                        "takedown.enforcement.keys.screening-local.secret",
                        "local-demo-screening-key-not-for-production")
                .withProperty("takedown.screening.answer-key", "screening-local");
        screening.setActiveProfiles("screening-node", "node");
        assertThat(ProductionSettings.findings(screening))
                .extracting(Finding::setting)
                .containsExactly("takedown.enforcement.keys.screening-local.secret");
    }

    @Test
    void deploymentsOverRestNeedAnExplicitAcknowledgement() throws IOException {
        assertThat(ProductionSettings.findings(safe().withProperty("takedown.engine-rest.deployments", "ALLOWED")
                        .withProperty("takedown.engine-rest.admins-may-run-code", "true")))
                .isEmpty();
    }

    @Test
    void theDemoDesignatedAgentIsRefusedWhileTheUsProfileIsOn() throws IOException {
        MockEnvironment demoAgent = safe().withProperty(
                        "takedown.designated-agent.registration-number", ProductionSettings.DEMO_AGENT_REGISTRATION);

        assertThat(ProductionSettings.findings(demoAgent))
                .singleElement()
                .satisfies(finding -> assertThat(finding.setting()).isEqualTo("takedown.designated-agent"));
        assertThat(ProductionSettings.findings(
                        safe().withProperty("takedown.designated-agent.email", "dmca-agent@takedown.example")))
                .hasSize(1);
        MockEnvironment auditNode = safe().withProperty(
                        "takedown.designated-agent.registration-number", ProductionSettings.DEMO_AGENT_REGISTRATION);
        auditNode.setActiveProfiles("audit-node", "node");
        assertThat(ProductionSettings.findings(auditNode))
                .as("an audit node publishes no agent")
                .isEmpty();
        assertThat(ProductionSettings.findings(demoAgent.withProperty("takedown.profiles.US_DMCA.enabled", "false")))
                .as("no agent is needed without the US profile")
                .isEmpty();
    }

    @Test
    void aMissingOrDemoArt18AuthorityIsRefusedOnTheNodesThatServeModeration() throws IOException {
        MockEnvironment missing = safe().withProperty("takedown.art18.authority.name", "");

        assertThat(ProductionSettings.findings(missing))
                .singleElement()
                .satisfies(finding -> assertThat(finding.setting()).isEqualTo("takedown.art18.authority"));
        assertThat(ProductionSettings.findings(safe().withProperty("takedown.art18.authority.email", "")))
                .as("a name without any way to reach the authority")
                .hasSize(1);
        assertThat(ProductionSettings.findings(
                        safe().withProperty("takedown.art18.authority.email", "art18@police.example")))
                .as("the local stack's demo authority")
                .hasSize(1);
        assertThat(ProductionSettings.findings(safe().withProperty("takedown.art18.authority.email", "")
                        .withProperty("takedown.art18.authority.phone", "+49 30 4664 4664")))
                .isEmpty();
        MockEnvironment screeningNode = safe().withProperty("takedown.art18.authority.name", "");
        screeningNode.setActiveProfiles("screening-node", "node");
        assertThat(ProductionSettings.findings(screeningNode))
                .as("a screening node serves no moderation")
                .isEmpty();
    }

    @Test
    void localTestAndDemoProfilesAreNotProduction() throws IOException {
        for (String profile : List.of("local", "test", "demo")) {
            MockEnvironment demo = safe().withProperty("takedown.time-compression", "21600");
            demo.setActiveProfiles(profile);
            assertThatCode(() -> new ProductionSettings().postProcessEnvironment(demo, new SpringApplication()))
                    .as(profile)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aScreeningNodeNeedsNoCheckpointKeyAndNoEngineSettings() {
        MockEnvironment screening = new MockEnvironment()
                .withProperty("takedown.node.clients.platform", new BCryptPasswordEncoder(4).encode("a-real-secret"))
                .withProperty("takedown.enforcement.keys.screening-2026.organisation", "screening-nodes")
                .withProperty(
                        "takedown.enforcement.keys.screening-2026.secret", "7d1e0f9c2b8a3d4e5f6a7b8c9d0e1f2a3b4c5d6e")
                .withProperty("takedown.screening.answer-key", "screening-2026");
        screening.setActiveProfiles("screening-node", "node");
        assertThat(ProductionSettings.findings(screening)).isEmpty();

        MockEnvironment audit = new MockEnvironment();
        audit.setActiveProfiles("audit-node", "node");
        assertThat(ProductionSettings.findings(audit))
                .extracting(Finding::setting)
                .containsExactly("takedown.audit.signing.key-path");
    }

    /** Counted from the file, so that a demo account added there does not break this test. */
    private static int demoUsers() throws IOException {
        return new ObjectMapper()
                .readTree(Files.readString(DEMO_REALM))
                .get("users")
                .size();
    }
}
