package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.events.ScreeningRule;
import dev.takedown.screening.ReplayResult;
import dev.takedown.screening.Screening;
import dev.takedown.screening.ScreeningIndex;
import dev.takedown.screening.internal.KafkaEventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 4 item 7: a filter measure whose replay suite fails is reopened as a model-remediation task, on a case whose
 * notice did not target a model (so the lifecycle opened none). Two screening nodes replay and report — the app's
 * own and a second {@link Screening} publishing to the same topic — yet the remediation opens once; a passing suite
 * opens nothing.
 */
class ReplayRemediationIT extends StackTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Screening screening;

    @Autowired
    KafkaTemplate<?, ?> kafka;

    @Test
    @SuppressWarnings("unchecked")
    void aFailingReplayOpensOneRemediationForTheOwnerAndAPassingOneNone() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String passing = word();
        String failing = word();
        String paraphrase = word();
        String passingCase = acceptedFilter(cases, passing, List.of("draw " + passing));
        String failingCase =
                acceptedFilter(cases, failing, List.of("draw " + failing, "the " + paraphrase + " of light"));
        String passingMeasure = cases.appliedMeasure(passingCase, "PROMPT_FILTER");
        String failingMeasure = cases.appliedMeasure(failingCase, "PROMPT_FILTER");

        Screening secondNode = new Screening(
                new ScreeningIndex(),
                new Screening.Options(
                        Screening.DEFAULT_IMAGE_DISTANCE,
                        Screening.DEFAULT_MAX_PIXELS,
                        Screening.DEFAULT_SAMPLE_EVERY,
                        "it-second-node",
                        Clock.systemUTC()),
                new KafkaEventSink((KafkaOperations<String, byte[]>) kafka),
                null);
        try {
            secondNode.apply(
                    passingMeasure,
                    passingCase,
                    new ScreeningRule(passing, List.of(passing), null, null, null, List.of("draw " + passing)));
            secondNode.apply(
                    failingMeasure,
                    failingCase,
                    new ScreeningRule(
                            failing,
                            List.of(failing),
                            null,
                            null,
                            null,
                            List.of("draw " + failing, "the " + paraphrase + " of light")));
            await().atMost(Cases.PATIENCE)
                    .until(() -> secondNode.replayResults().size() == 2
                            && replayed(screening, passingMeasure)
                            && replayed(screening, failingMeasure));
            assertThat(screening.replayResults().get(passingMeasure).failedPrompts())
                    .isEmpty();
            assertThat(screening.replayResults().get(failingMeasure).failedPrompts())
                    .containsExactly("the " + paraphrase + " of light");
            assertThat(secondNode.flushEvents(10_000)).isTrue();

            Api platform = Api.as(baseUrl(), "platform");
            JsonNode remediation = cases.awaitRemediation("platform", failingCase);
            assertThat(remediation.get("last_failure").asText())
                    .contains(failingMeasure, "the " + paraphrase + " of light");

            // the second node restarts (it reads the measure again and reports its replay again): nothing more opens
            long reports = secondNode.replayRuns();
            secondNode.apply(
                    failingMeasure,
                    failingCase,
                    new ScreeningRule(
                            failing,
                            List.of(failing),
                            null,
                            null,
                            null,
                            List.of("draw " + failing, "the " + paraphrase + " of light")));
            await().atMost(Cases.PATIENCE).until(() -> secondNode.replayRuns() > reports);
            assertThat(secondNode.flushEvents(10_000)).isTrue();
            await().atMost(Cases.PATIENCE).until(() -> processes(failingCase) == 1);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> processes(failingCase) == 1);
            assertThat(opened(failingCase)).as("one timeline entry").isEqualTo(1);
            assertThat(tasks.createTaskQuery()
                            .processInstanceBusinessKey(failingCase)
                            .taskDefinitionKey("Task_DescribeRemediation")
                            .count())
                    .as("the owner's task")
                    .isEqualTo(1);
            assertThat(platform.get("/api/remediations").body())
                    .contains(failingCase)
                    .doesNotContain(passingCase);
            assertThat(PageSession.login(baseUrl(), "platform")
                            .get("/remediations")
                            .body())
                    .contains(failingCase);
            assertThat(opened(passingCase)).isZero();
            assertThat(runtime.createProcessInstanceQuery()
                            .processDefinitionKey("model-remediation")
                            .processInstanceBusinessKey(passingCase)
                            .count())
                    .isZero();

            // the owner asks to widen the filter, a moderator approves; the new measure's suite passes, so the
            // remediation is verified
            String id = remediation.get("remediation_id").asText();
            assertThat(platform.post(
                                    "/api/remediations/" + id + "/changes",
                                    "{\"filter_version\": \"f-2\","
                                            + " \"description\": \"paraphrase added\", \"added_terms\": [\""
                                            + paraphrase + "\"]}")
                            .status())
                    .isEqualTo(201);
            await().atMost(Cases.PATIENCE)
                    .until(() -> tasks.createTaskQuery()
                                    .processInstanceBusinessKey(failingCase)
                                    .taskDefinitionKey("Task_ReviewWidening")
                                    .count()
                            == 1);
            assertThat(Api.as(baseUrl(), "moderator")
                            .post("/api/remediations/" + id + "/widening", "{\"outcome\": \"APPROVE\"}")
                            .status())
                    .isEqualTo(200);
            await().atMost(Cases.PATIENCE)
                    .until(() -> platform.get("/api/remediations?status=VERIFIED")
                            .body()
                            .contains(id));
        } finally {
            secondNode.close();
        }
    }

    private long processes(String caseId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("model-remediation")
                .processInstanceBusinessKey(caseId)
                .count();
    }

    private static boolean replayed(Screening node, String measureId) {
        ReplayResult result = node.replayResults().get(measureId);
        return result != null;
    }

    private long opened(String caseId) {
        List<String> notes = new ArrayList<>();
        Api.as(baseUrl(), "rightsholder-a")
                .get("/api/notices/" + caseId)
                .json()
                .get("history")
                .forEach(h -> notes.add(h.path("note").asText("")));
        return notes.stream()
                .filter(n -> n.startsWith("model remediation opened"))
                .count();
    }

    /** A work with the replay suite, a notice on a plain URL (no model target), accepted with a prompt filter. */
    private String acceptedFilter(Cases cases, String name, List<String> replayPrompts) {
        StringBuilder prompts = new StringBuilder();
        replayPrompts.forEach(p -> prompts.append(prompts.isEmpty() ? "" : ", ")
                .append('"')
                .append(p)
                .append('"'));
        Api.Response work = Api.as(baseUrl(), "rightsholder-a")
                .post(
                        "/api/works",
                        "{\"title\": \"" + name + "\", \"terms\": [\"" + name + "\"], \"replay_prompts\": [" + prompts
                                + "]}");
        assertThat(work.status()).as(work.body()).isEqualTo(201);
        String caseId = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "acct-" + UUID.randomUUID())
                        .replace(
                                "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                "\"works\": [{\"title\": \"" + name + "\", \"registered_work_id\": \""
                                        + work.json().get("work_id").asText() + "\"}]"));
        cases.decide("moderator", caseId, "{\"outcome\":\"ACCEPT\",\"measures\":[\"PROMPT_FILTER\"]}");
        return caseId;
    }

    /** Letters only, so that the filter's terms match whole words. */
    private static String word() {
        StringBuilder word = new StringBuilder("qor");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
