package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operations see: a case stuck on an incident turns the health DEGRADED (still 200), shows on the
 * administrators' incident page and in the Prometheus gauges; a retry from the page moves the case on and is on its
 * record. The metrics are for the MONITORING role alone; the Kafka gauges count the ledger's lag and dead letters.
 */
class OperationsIT extends StackTest {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$");

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIncidentDegradesTheHealthIsListedAndARetryMovesTheCaseOn() {
        String caseId = "incident-" + UUID.randomUUID();
        String deployment = repository
                .createDeployment()
                .name("operations-it")
                .addModelInstance(
                        "incident-probe.bpmn",
                        Bpmn.createExecutableProcess("incident-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("Task_Probe")
                                .name("Probe the platform")
                                .camundaAsyncBefore()
                                // fails until the variable exists: like a delegate whose service is down
                                .camundaExpression("${ok}")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
        String instance = null;
        try {
            instance =
                    runtime.startProcessInstanceByKey("incident-probe", caseId).getId();
            String pi = instance;
            Incident incident = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> runtime.createIncidentQuery()
                                    .processInstanceId(pi)
                                    .singleResult(),
                            i -> i != null);

            Api.Response health = Api.anonymous(baseUrl()).get("/actuator/health");
            assertThat(health.status()).as("DEGRADED still serves").isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("DEGRADED");
            assertThat(metric(Api.as(baseUrl(), "monitoring"), "takedown_camunda_incidents_open"))
                    .isGreaterThanOrEqualTo(1);

            PageSession admin = PageSession.login(baseUrl(), "admin");
            PageSession.Response page = admin.get("/admin/incidents");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("id=\"incident-" + incident.getId() + "\"")
                    .contains(caseId)
                    .contains("Probe the platform")
                    .contains("Cannot resolve identifier")
                    .contains("/admin/incidents/" + incident.getId() + "/retry");
            assertThat(PageSession.login(baseUrl(), "moderator")
                            .get("/admin/incidents")
                            .status())
                    .isEqualTo(403);

            runtime.setVariable(pi, "ok", true);
            PageSession.Response retried =
                    admin.postForm("/admin/incidents/" + incident.getId() + "/retry", Map.of(), true);
            assertThat(retried.status()).isEqualTo(302);
            assertThat(admin.get("/admin/incidents").body())
                    .contains("id=\"retried\"")
                    .contains(caseId);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                                    .processInstanceId(pi)
                                    .count())
                            .as("the retried step ran and the process ended")
                            .isZero());
            instance = null;
            assertThat(admin.get("/admin/incidents").body()).doesNotContain(caseId);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "select actor from audit_ledger where event_type = ? and case_id = ?",
                                    String.class,
                                    "dev.takedown.case.incident-retried.v1",
                                    caseId))
                            .as("the retry is on the case's record")
                            .containsExactly("admin"));
            if (runtime.createIncidentQuery().count() == 0) {
                assertThat(Api.anonymous(baseUrl())
                                .get("/actuator/health")
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("UP");
            }
        } finally {
            if (instance != null) {
                runtime.deleteProcessInstance(instance, "test over");
            }
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void metricsAreForTheMonitoringRoleOnly() {
        Api.Response anonymous = Api.anonymous(baseUrl()).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.as(baseUrl(), "admin").get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "monitoring", "wrong")
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(401);
        Api.Response scrape = Api.as(baseUrl(), "monitoring").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("takedown_outbox_incomplete ")
                .contains("takedown_outbox_oldest_incomplete_seconds ")
                .contains("takedown_camunda_incidents_open ");
        assertThat(Api.as(baseUrl(), "monitoring").get("/api/notices").status())
                .as("a monitoring account reads no cases")
                .isEqualTo(403);
    }

    @Test
    void deadLettersAndTheLedgersLagAreCounted() throws Exception {
        String topic = "takedown.probe-" + UUID.randomUUID().toString().substring(0, 8) + ".DLT";
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Properties producer = new Properties();
        producer.put("bootstrap.servers", bootstrap);
        producer.put("key.serializer", StringSerializer.class.getName());
        producer.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> dead = new KafkaProducer<>(producer)) {
            for (int i = 0; i < 3; i++) {
                dead.send(new ProducerRecord<>(topic, "k" + i, "gave up on " + i))
                        .get();
            }
        }

        Api monitoring = Api.as(baseUrl(), "monitoring");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                metric(monitoring, "takedown_kafka_dead_letters_records{topic=\"" + topic + "\""))
                        .isEqualTo(3));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric(monitoring, "takedown_ledger_lag_records"))
                        .as("the ledger keeps up with a quiet system")
                        .isBetween(0.0, 1000.0));
    }

    /** The value of the first sample whose name (and labels) start with {@code prefix}; NaN when absent. */
    private static double metric(Api monitoring, String prefix) {
        Matcher sample = SAMPLE.matcher(monitoring.get("/actuator/prometheus").body());
        while (sample.find()) {
            String series = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            if (series.startsWith(prefix)) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return Double.NaN;
    }
}
