package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import dev.takedown.screening.Decision;
import dev.takedown.screening.Screening;
import dev.takedown.screening.messaging.MeasureFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The measures topic on a real broker: a lifted measure stays lifted whatever old record is sent again, on this node,
 * on a node started from the compacted topic and in the topic itself; an unreadable record is dead-lettered and the
 * next one applied. The platform's answers (the reference adapter) confirm measures, lifts and the strike ladder's
 * account suspensions.
 */
class MeasureRecordsIT extends StackTest {

    private static final String APPLIED = "dev.takedown.measure.applied.v1";
    private static final String LIFTED = "dev.takedown.measure.lifted.v1";
    /** Where administrators switch the reference platform's answers (local profile). */
    private static final String PLATFORM = "/api/admin/reference-platform";

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    dev.takedown.audit.internal.TransparencyDatabase transparencyDatabase;

    @Autowired
    dev.takedown.audit.TdbStatements tdbStatements;

    private final FaultKafka kafka = new FaultKafka(TestInfrastructure.get().kafkaBootstrapServers());

    @Test
    void anAppliedRecordSentAgainAfterItsLiftLeavesTheMeasureLiftedEverywhere() throws Exception {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String distinct = "Qvw" + UUID.randomUUID().toString().substring(0, 8);
        String workId = Api.as(baseUrl(), "rightsholder-a")
                .post("/api/works", """
                {"title": "%s", "terms": ["%s"], "replay_prompts": ["draw %s"]}
                """.formatted(distinct, distinct, distinct))
                .json()
                .get("work_id")
                .asText();
        String caseId = cases.file(
                "rightsholder-a",
                Cases.notice("CN_CC_1195", "acct-v")
                        .replace(
                                "\"works\": [{\"title\": \"Ultraman Tiga\"}]",
                                "\"works\": [{\"title\": \"" + distinct + "\", \"registered_work_id\": \"" + workId
                                        + "\"}]"));
        cases.decide("moderator", caseId, "{\"outcome\":\"ACCEPT\",\"measures\":[\"PROMPT_FILTER\"]}");
        String measureId = cases.appliedMeasure(caseId, "PROMPT_FILTER");
        String prompt = "please draw " + distinct;
        await().atMost(Cases.PATIENCE).until(() -> decision(prompt), "BLOCK"::equals);

        Api.as(baseUrl(), "senior").post("/api/measures/" + measureId + "/lift", "{\"reason\":\"licence shown\"}");
        await().atMost(Cases.PATIENCE).until(() -> decision(prompt), "ALLOW"::equals);

        List<FaultKafka.Rec> before = records(measureId);
        FaultKafka.Rec applied = only(before, APPLIED);
        FaultKafka.Rec lifted = only(before, LIFTED);
        assertThat(version(applied)).as("versions grow with each change").isLessThan(version(lifted));

        // the original MeasureApplied once more, as two nodes resubmitting the same outbox row would send it
        kafka.reproduce(List.of(applied, applied));

        // the lift is published again, unchanged, after the stale records: compaction keeps it
        await().atMost(Cases.PATIENCE).untilAsserted(() -> {
            List<FaultKafka.Rec> now = records(measureId);
            // each stale record has the lift sent again (same id: the ledger and the feeds take it once)
            assertThat(now.size()).isGreaterThanOrEqualTo(before.size() + 3);
            FaultKafka.Rec last = now.get(now.size() - 1);
            assertThat(last.ceType()).isEqualTo(LIFTED);
            assertThat(last.ceId()).isEqualTo(lifted.ceId());
            assertThat(version(last)).isEqualTo(version(lifted));
        });
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> decision(prompt), "ALLOW"::equals);
        assertThat(Api.as(baseUrl(), "compliance")
                        .get("/api/measures/" + measureId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("LIFTED");

        Screening stale = new Screening();
        new MeasureFeed(stale, json).on(List.of(consumerRecord(applied)));
        assertThat(stale.checkPrompt(prompt, "user-1").decision())
                .as("what the stale record alone would do")
                .isEqualTo(Decision.BLOCK);

        // a node that starts now: from the whole log, and from what compaction leaves of it (the last record per key)
        List<FaultKafka.Rec> log = kafka.readAll(List.of(Topics.MEASURES));
        Map<String, FaultKafka.Rec> compacted = new LinkedHashMap<>();
        log.forEach(r -> compacted.put(r.partition() + "/" + r.key(), r));
        for (List<FaultKafka.Rec> topic : List.of(log, List.copyOf(compacted.values()))) {
            Screening node = new Screening();
            MeasureFeed feed = new MeasureFeed(node, json);
            for (FaultKafka.Rec r : topic) {
                try {
                    feed.on(List.of(consumerRecord(r)));
                } catch (RuntimeException deadLettered) {
                    // other tests' unreadable records: the container dead-letters them
                }
            }
            assertThat(node.checkPrompt(prompt, "user-1").decision()).isEqualTo(Decision.ALLOW);
        }
    }

    @Test
    void anUnreadableRecordBetweenTwoGoodOnesIsDeadLetteredWithItsReasonAndTheNextOneApplies() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "Pqf" + suffix;
        String second = "Pqs" + suffix;
        String poisonKey = "poison-" + suffix;
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            // one partition, so the three are read in this order
            producer.send(filter("it-first-" + suffix, first, 1)).get();
            producer.send(new ProducerRecord<>(Topics.MEASURES, 0, poisonKey, "{\"measureId\": \"" + poisonKey))
                    .get();
            producer.send(filter("it-second-" + suffix, second, 1)).get();
        }

        await().atMost(Cases.PATIENCE).until(() -> decision("draw " + second), "BLOCK"::equals);
        assertThat(decision("draw " + first)).isEqualTo("BLOCK");
        await().atMost(Cases.PATIENCE).untilAsserted(() -> {
            List<FaultKafka.Rec> dead = kafka.readAll(List.of(Topics.MEASURES + ".DLT")).stream()
                    .filter(r -> poisonKey.equals(r.key()))
                    .filter(r -> r.header("kafka_dlt-original-consumer-group").startsWith("takedown-screening-"))
                    .toList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo("{\"measureId\": \"" + poisonKey);
            assertThat(dead.get(0).header("takedown-dlt-reason")).startsWith("Json");
        });

        // leave nothing in force for the tests after this one
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            for (String id : List.of("it-first-" + suffix, "it-second-" + suffix)) {
                producer.send(record(
                                0,
                                id,
                                new MeasureLifted(
                                        UUID.randomUUID(), Instant.now(), "it-case", "it", id, "test over", 2L)))
                        .get();
            }
        }
        await().atMost(Cases.PATIENCE).until(() -> decision("draw " + second), "ALLOW"::equals);
    }

    /**
     * A decided case's deletion is removed when the platform says so: the reference platform of the local profile
     * answers the command, signed with its key, and the measure and the case's history carry the platform's time.
     */
    @Test
    void aDecidedCasesMeasureIsEnforcedWhenThePlatformConfirmsIt() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String caseId = cases.fileAndAccept("rightsholder-a", Cases.notice("CN_CC_1195", "acct-e"), "[\"DELETE\"]");
        String measureId = cases.appliedMeasure(caseId, "DELETE");
        Api compliance = Api.as(baseUrl(), "compliance");

        await().atMost(Cases.PATIENCE)
                .until(
                        () -> compliance
                                .get("/api/measures/" + measureId)
                                .json()
                                .path("enforcement")
                                .asText(),
                        "ENFORCED"::equals);
        JsonNode measure = compliance.get("/api/measures/" + measureId).json();
        Instant enforcedAt = Instant.parse(measure.get("enforced_at").asText());
        assertThat(enforcedAt)
                .isAfterOrEqualTo(Instant.parse(measure.get("applied_at").asText()));
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(notes(compliance, caseId))
                        .anySatisfy(note ->
                                assertThat(note).startsWith("ENFORCED: DELETE").contains(enforcedAt.toString())));
        List<String> statuses = new ArrayList<>();
        compliance
                .get("/api/notices/" + caseId)
                .json()
                .get("history")
                .forEach(h -> statuses.add(h.path("status").asText()));
        assertThat(notes(compliance, caseId))
                .as("the case is removed as of the platform's time")
                .contains("every measure confirmed in effect by the platform at " + enforcedAt);
        assertThat(statuses.indexOf("MEASURE_ENFORCED"))
                .as("the parties were told after the platform confirmed the removal")
                .isNotNegative()
                .isLessThan(statuses.indexOf("NOTIFIED"));
        await().atMost(Cases.PATIENCE)
                .untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                                .processDefinitionKey("measure-enforcement")
                                .processInstanceBusinessKeyLike(measureId + ":%")
                                .count())
                        .as("its enforcement instance ended")
                        .isZero());
    }

    /**
     * An administrator switches the reference platform to fail while the stack runs: the decided case's measure
     * fails for good, a moderator gets the enforcement task, and nobody is told that the content was removed. The
     * mode is switched back afterwards, whatever happens, for the tests after this one.
     */
    @Test
    void aPlatformSwitchedToFailLeavesTheCaseUnremovedAndGivesItsMeasureATask() {
        Api admin = Api.as(baseUrl(), "admin");
        String before = admin.get(PLATFORM).json().get("mode").asText();
        Api.Response unknown = admin.put(PLATFORM, "{\"mode\":\"sometimes\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("mode");
        assertThat(Api.as(baseUrl(), "moderator")
                        .put(PLATFORM, "{\"mode\":\"fail\"}")
                        .status())
                .as("administrators only")
                .isEqualTo(403);
        assertThat(admin.get(PLATFORM).json().get("mode").asText()).isEqualTo(before);
        try {
            Api.Response switched = admin.put(PLATFORM, "{\"mode\":\"FAIL\"}");
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
            assertThat(switched.json().get("mode").asText()).isEqualTo("fail");

            Cases cases = new Cases(baseUrl(), management, runtime);
            String caseId = cases.file("rightsholder-a", Cases.notice("CN_CC_1195", "acct-f"));
            assertThat(cases.decide(
                                    "moderator",
                                    caseId,
                                    "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\"],\"reason\":\"copies the work\"}")
                            .status())
                    .isEqualTo(200);
            String measureId = cases.appliedMeasure(caseId, "DELETE");
            Api compliance = Api.as(baseUrl(), "compliance");

            await().atMost(Cases.PATIENCE)
                    .untilAsserted(() -> assertThat(tasks.createTaskQuery()
                                    .processInstanceBusinessKeyLike(measureId + ":%")
                                    .taskDefinitionKey("Task_ResolveEnforcement")
                                    .count())
                            .as("the failure is a moderator's task")
                            .isOne());
            assertThat(compliance
                            .get("/api/measures/" + measureId)
                            .json()
                            .path("enforcement")
                            .asText())
                    .as("failed for good, the measure stays unconfirmed")
                    .isEqualTo("OVERDUE");
            assertThat(cases.history("compliance", caseId))
                    .as("the case is not removed")
                    .doesNotContain("MEASURE_ENFORCED", "NOTIFIED");
            assertThat(cases.notificationKinds(caseId))
                    .as("neither side is told that the content was removed")
                    .noneMatch(kind -> kind.startsWith("DECISION") || kind.startsWith("FORWARDED_NOTICE"));
        } finally {
            admin.put(PLATFORM, "{\"mode\":\"" + before + "\"}");
        }
    }

    @Test
    void aSuspensionTheStrikesLeadToIsAMeasureThePlatformConfirmsThatEndsWithTheStandingAlone() throws Exception {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String account = "acct-s" + UUID.randomUUID().toString().substring(0, 8);
        String intentional =
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\"],\"reason\":\"copies the work\",\"intentional\":true}";
        String warned = cases.file("rightsholder-a", Cases.notice("EU_DSA", account));
        assertThat(cases.decide("moderator", warned, intentional).status()).isEqualTo(200);
        cases.awaitStatus("rightsholder-a", warned, "NOTIFIED");
        String suspended = cases.file("rightsholder-a", Cases.notice("EU_DSA", account));
        assertThat(cases.decide("moderator", suspended, intentional).status()).isEqualTo(200);
        cases.awaitStatus("rightsholder-a", suspended, "NOTIFIED");

        Api compliance = Api.as(baseUrl(), "compliance");
        JsonNode[] suspension = new JsonNode[1];
        await().atMost(Cases.PATIENCE).until(() -> {
            for (JsonNode m :
                    compliance.get("/api/measures?case_id=" + suspended).json()) {
                if (m.get("type").asText().equals("ACCOUNT_SUSPEND")
                        && m.get("enforcement").asText().equals("ENFORCED")) {
                    suspension[0] = m;
                    return true;
                }
            }
            return false;
        });
        assertThat(suspension[0].get("account_id").asText()).isEqualTo(account);
        String changeId = suspension[0].get("standing_change_id").asText();
        JsonNode standing = compliance
                .get("/api/standings/party?kind=UPLOADER&id=" + account)
                .json();
        assertThat(standing.at("/standing/status").asText()).isEqualTo("SUSPENDED");
        assertThat(standing.at("/standing/change_id").asText())
                .as("the measure carries out the standing's suspension")
                .isEqualTo(changeId);
        assertThat(cases.notificationKinds(suspended)).contains("SUSPENSION→uploader-of:" + account);
        String puid = "account-" + suspension[0].get("measure_id").asText();
        await().atMost(Cases.PATIENCE).until(() -> {
            transparencyDatabase.prepare();
            transparencyDatabase.submitPending();
            return tdbStatements.recent(500).stream()
                    .anyMatch(st -> st.puid().equals(puid) && st.state().equals("SUBMITTED"));
        });
        assertThat(tdbStatements.recent(500))
                .as("the suspension's own statement of reasons, accepted by the TDB sandbox")
                .filteredOn(st -> st.puid().equals(puid))
                .singleElement()
                .satisfies(st -> assertThat(st.payload())
                        .contains("DECISION_ACCOUNT_SUSPENDED", "SOURCE_VOLUNTARY", "Art. 23")
                        .doesNotContain(account));
        Api.Response byHand = Api.as(baseUrl(), "senior")
                .post(
                        "/api/measures/" + suspension[0].get("measure_id").asText() + "/lift",
                        "{\"reason\":\"by hand\"}");
        assertThat(byHand.status())
                .as("a lift by hand is refused: the standing ends it")
                .isEqualTo(409);
        assertThat(byHand.json().get("detail").asText()).contains("carries out the account's suspension");

        // the platform stays silent on the lift: the account is not told it is restored until the platform says so
        String measureId = suspension[0].get("measure_id").asText();
        Api admin = Api.as(baseUrl(), "admin");
        String before = admin.get(PLATFORM).json().get("mode").asText();
        try {
            assertThat(admin.put(PLATFORM, "{\"mode\":\"silent\"}").status()).isEqualTo(200);
            Api.Response lifted = compliance.post(
                    "/api/standings/suspensions/" + changeId + "/lift",
                    "{\"reason\":\"the uploader showed a licence\"}");
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            await().atMost(Cases.PATIENCE)
                    .until(() -> compliance
                            .get("/api/measures/" + measureId)
                            .json()
                            .get("enforcement")
                            .asText()
                            .equals("LIFT_REQUESTED"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> cases.notificationKinds(suspended).stream()
                            .noneMatch(kind -> kind.startsWith("REINSTATEMENT")));
        } finally {
            admin.put(PLATFORM, "{\"mode\":\"" + before + "\"}");
        }
        Instant restoredAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            producer.send(liftEnforced(measureId, restoredAt)).get();
        }
        await().atMost(Cases.PATIENCE)
                .until(() -> cases.notificationKinds(suspended).contains("REINSTATEMENT→uploader-of:" + account));
        assertThat(notes(compliance, suspended))
                .anyMatch(note -> note.startsWith("ACCOUNT_RESTORED: account " + account)
                        && note.endsWith("confirmed by the platform at " + restoredAt));
        assertThat(cases.notificationKinds(suspended))
                .as("the standing's letter tells the account; no one is told a measure of the case ended")
                .noneMatch(kind -> kind.startsWith("MEASURE_ENDED"));
        assertThat(cases.measureStatuses(suspended))
                .as("the case's removal stands")
                .contains("APPLIED");
    }

    /** The platform's signed confirmation of the measure's last command, a lift, as the local profile's key signs it. */
    private ProducerRecord<String, String> liftEnforced(String measureId, Instant at) throws Exception {
        long version = jdbc.queryForObject(
                "select command_version from measure_enforcement where measure_id = ?::uuid", Long.class, measureId);
        String value =
                json.writeValueAsString(Map.of("measureId", measureId, "version", version, "liftedAt", at.toString()));
        ProducerRecord<String, String> answer = new ProducerRecord<>(Topics.ENFORCEMENT_RESULTS, measureId, value);
        answer.headers()
                .add(CloudEventHeaders.TYPE, LiftEnforced.TYPE.getBytes(StandardCharsets.UTF_8))
                .add(InboundSignatures.KEY_ID, "platform-local".getBytes(StandardCharsets.UTF_8))
                .add(
                        InboundSignatures.SIGNATURE,
                        InboundSignatures.sign(
                                        "local-demo-platform-key-not-for-production",
                                        measureId,
                                        value.getBytes(StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
        return answer;
    }

    private static List<String> notes(Api reader, String caseId) {
        List<String> notes = new ArrayList<>();
        reader.get("/api/notices/" + caseId)
                .json()
                .get("history")
                .forEach(h -> notes.add(h.path("note").asText()));
        return notes;
    }

    private ProducerRecord<String, String> filter(String measureId, String term, long version) throws Exception {
        return record(
                0,
                measureId,
                new MeasureApplied(
                        UUID.randomUUID(),
                        Instant.now(),
                        "it-case",
                        "it",
                        measureId,
                        "PROMPT_FILTER",
                        null,
                        new ScreeningRule(term, List.of(term), null, null, null, null),
                        null,
                        version));
    }

    private ProducerRecord<String, String> record(int partition, String key, TakedownEvent event) throws Exception {
        List<Header> headers = new ArrayList<>();
        CloudEventHeaders.of(event)
                .forEach((name, value) ->
                        headers.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(Topics.MEASURES, partition, key, json.writeValueAsString(event), headers);
    }

    private List<FaultKafka.Rec> records(String measureId) {
        return kafka.readAll(List.of(Topics.MEASURES)).stream()
                .filter(r -> measureId.equals(r.key()))
                .toList();
    }

    private static FaultKafka.Rec only(List<FaultKafka.Rec> records, String type) {
        List<FaultKafka.Rec> found =
                records.stream().filter(r -> type.equals(r.ceType())).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private long version(FaultKafka.Rec record) throws Exception {
        JsonNode version = json.readTree(record.value()).get("version");
        assertThat(version).as("version of " + record.value()).isNotNull();
        return version.asLong();
    }

    private static ConsumerRecord<String, String> consumerRecord(FaultKafka.Rec r) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), r.value());
        r.headers().forEach(record.headers()::add);
        return record;
    }

    private String decision(String text) {
        return Api.as(baseUrl(), "platform")
                .post("/api/screen/prompt", "{\"prompt\":\"" + text + "\",\"account_id\":\"user-1\"}")
                .json()
                .get("decision")
                .asText();
    }
}
