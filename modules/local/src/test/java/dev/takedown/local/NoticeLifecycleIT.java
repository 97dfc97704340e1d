package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** One notice end to end over real HTTP, PostgreSQL, Camunda and Kafka; and every way intake refuses bad input. */
class NoticeLifecycleIT extends StackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void noticeTravelsFromIntakeThroughReviewAndMeasuresToTheLedger() throws Exception {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        String target = "https://GEN.example/img/" + UUID.randomUUID() + "#preview";

        Api.Response filed = holderA.post("/api/notices", Notices.complete(target));
        assertThat(filed.status()).isEqualTo(201);
        String caseId = filed.json().get("case_id").asText();
        assertThat(filed.location()).isEqualTo("/api/notices/" + caseId);
        // DSA Art. 16(4): the answer and the letter acknowledge the receipt with the published response times
        JsonNode published = holderA.get("/api/response-times").json().get(0);
        assertThat(filed.json().get("received_at").asText()).isNotBlank();
        assertThat(filed.json().get("response_times").get("version").asInt())
                .isEqualTo(published.get("version").asInt());
        assertThat(filed.json().get("response_times").get("times")).isEqualTo(published.get("times"));
        // a CN_CC_1195 notice: the letter is in Chinese
        String receipt = Mailbox.text(Mailbox.letter("legal@a.test", "我们已收到您的通知 " + caseId));
        assertThat(receipt)
                .contains("编号为 " + caseId)
                .contains("/api/response-times")
                .contains("- review.standard: "
                        + published.get("times").get("review.standard").asText());

        assertThat(Api.as(baseUrl(), "rightsholder-b")
                        .get("/api/notices/" + caseId)
                        .status())
                .as("another organisation cannot tell the case exists")
                .isEqualTo(404);

        Api moderator = Api.as(baseUrl(), "moderator");
        String taskId = awaitTask(moderator, caseId);
        JsonNode claimed = moderator.post("/api/tasks/" + taskId + "/claim", "").json();
        assertThat(claimed.get("assignee").asText()).isEqualTo("moderator");

        Api.Response decided = moderator.post(
                "/api/tasks/" + taskId + "/decision",
                "{\"outcome\":\"ACCEPT\",\"measures\":[\"DELETE\"],\"reason\":\"reproduces the work\"}");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().get("decided_by").asText()).isEqualTo("moderator");
        assertThat(decided.json().get("decided_at").asText()).isNotBlank();

        await().atMost(PATIENCE)
                .until(() -> "NOTIFIED"
                        .equals(holderA.get("/api/notices/" + caseId)
                                .json()
                                .get("status")
                                .asText()));
        JsonNode history = holderA.get("/api/notices/" + caseId).json().get("history");
        // each measure's confirmation is a note under the status of the moment; the last one enforces the case, and
        // only then are the parties told
        assertThat(StreamSupport.stream(history.spliterator(), false)
                        .map(h -> h.get("status").asText())
                        .distinct())
                .containsExactly(
                        "RECEIVED",
                        "UNDER_REVIEW",
                        "DECIDED_ACTION",
                        "MEASURE_APPLIED",
                        "MEASURE_ENFORCED",
                        "NOTIFIED");

        String canonicalTarget = target.replace("GEN.example", "gen.example").replace("#preview", "");
        ConsumerRecord<String, String> measure =
                awaitRecord(Topics.MEASURES, r -> r.value().contains(caseId));
        assertThat(header(measure, "ce_type")).isEqualTo("dev.takedown.measure.applied.v1");
        assertThat(header(measure, "ce_specversion")).isEqualTo("1.0");
        assertThat(measure.value())
                .contains("\"targetUrl\":\"" + canonicalTarget + "\"")
                .contains("\"type\":\"DELETE\"");
        assertThat(measure.key()).as("measures are keyed by measure id").isNotEqualTo(caseId);

        assertThat(Api.as(baseUrl(), "moderator")
                        .get("/api/screening/url?url=" + canonicalTarget)
                        .json()
                        .get("blocked")
                        .asBoolean())
                .as("screening index learnt the measure from Kafka")
                .isTrue();

        Api compliance = Api.as(baseUrl(), "compliance");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(types(
                                compliance.get("/api/audit/cases/" + caseId).json()))
                        .contains(
                                "dev.takedown.notice.received.v1",
                                "dev.takedown.task.created.v1",
                                "dev.takedown.task.claimed.v1",
                                "dev.takedown.notice.decided.v1",
                                "dev.takedown.task.completed.v1",
                                "dev.takedown.measure.applied.v1",
                                "dev.takedown.notice.parties-notified.v1"));
        JsonNode verified = compliance.get("/api/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("records").asLong()).isGreaterThanOrEqualTo(7);
    }

    /** DSA Art. 18 through the API: the moderator's flag, compliance's task with the authority, the ledger facts. */
    @Test
    void aSuspectedOffenceGoesToComplianceWhoseNotificationOfTheAuthorityIsALedgerFact() {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        String caseId = holderA.post("/api/notices", Notices.complete("https://gen.example/o/" + UUID.randomUUID()))
                .json()
                .get("case_id")
                .asText();
        Api moderator = Api.as(baseUrl(), "moderator");
        String reviewTask = awaitTask(moderator, caseId);
        assertThat(PageSession.login(baseUrl(), "moderator")
                        .get("/tasks/" + reviewTask)
                        .body())
                .contains("id=\"criminal-offence\"", "name=\"offenceReason\"");

        Api.Response flagged = moderator.post(
                "/api/tasks/" + reviewTask + "/criminal-offence", "{\"reason\":\"threatens the author's life\"}");
        assertThat(flagged.status()).isEqualTo(202);
        assertThat(flagged.json().get("queue").asText()).isEqualTo("COMPLIANCE_OFFICER");

        Api compliance = Api.as(baseUrl(), "compliance");
        String taskId = awaitTask(compliance, caseId);
        assertThat(compliance.get("/api/tasks/" + taskId).json().get("kind").asText())
                .isEqualTo("CRIMINAL_OFFENCE");
        JsonNode authority =
                compliance.get("/api/tasks/" + taskId + "/authority").json();
        assertThat(authority.get("name").asText()).isEqualTo("Demo Police Cyber Unit");
        assertThat(authority.get("email").asText()).isEqualTo("art18@police.example");
        assertThat(moderator.get("/api/tasks/" + taskId).status())
                .as("the task is compliance's alone")
                .isEqualTo(404);
        String page = PageSession.login(baseUrl(), "compliance")
                .get("/tasks/" + taskId)
                .body();
        assertThat(page).contains("id=\"authority\"", "Demo Police Cyber Unit", "mailto:art18@police.example");
        assertThat(page).as("nothing to decide on the notice").doesNotContain("id=\"decision\"");

        String record = "{\"reference\":\"LKA-2025-0042\"}";
        assertThat(compliance
                        .post("/api/tasks/" + taskId + "/authority-notification", record)
                        .status())
                .as("claimed first")
                .isEqualTo(409);
        compliance.post("/api/tasks/" + taskId + "/claim", "");
        Api.Response recorded = compliance.post("/api/tasks/" + taskId + "/authority-notification", record);
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get("status").asText()).isEqualTo("AUTHORITY_NOTIFIED");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode ledger = compliance.get("/api/audit/cases/" + caseId).json();
            assertThat(types(ledger))
                    .contains(
                            "dev.takedown.notice.criminal-offence-flagged.v1",
                            "dev.takedown.notice.authority-notified.v1");
            assertThat(ledger.toString()).contains("LKA-2025-0042", "Demo Police Cyber Unit");
        });
        assertThat(ids(compliance.get("/api/tasks").json())).doesNotContain(caseId);
        assertThat(ids(moderator.get("/api/tasks").json()))
                .as("the moderator's review goes on")
                .contains(caseId);
        assertThat(holderA.get("/api/notices/" + caseId).json().toString())
                .as("the notifier is not told")
                .doesNotContain("LKA-2025-0042", "threatens the author");
    }

    @Test
    void rejectionNeedsAReasonAndAppliesNothing() {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        String caseId = holderA.post("/api/notices", Notices.complete("https://gen.example/r/" + UUID.randomUUID()))
                .json()
                .get("case_id")
                .asText();
        Api senior = Api.as(baseUrl(), "senior");
        String taskId = awaitTask(senior, caseId);

        assertThat(senior.post("/api/tasks/" + taskId + "/decision", "{\"outcome\":\"REJECT\",\"reason\":\"parody\"}")
                        .status())
                .as("deciding an unclaimed task")
                .isEqualTo(409);
        senior.post("/api/tasks/" + taskId + "/claim", "");
        assertThat(Api.as(baseUrl(), "moderator")
                        .post("/api/tasks/" + taskId + "/claim", "")
                        .status())
                .as("someone else's task")
                .isEqualTo(409);

        Api.Response noReason = senior.post("/api/tasks/" + taskId + "/decision", "{\"outcome\":\"REJECT\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(fields(noReason.json())).containsExactly("reason");

        assertThat(senior.post(
                                "/api/tasks/" + taskId + "/decision",
                                "{\"outcome\":\"REJECT\",\"reason\":\"parody, not a copy\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> "NOTIFIED"
                        .equals(holderA.get("/api/notices/" + caseId)
                                .json()
                                .get("status")
                                .asText()));
        JsonNode history = holderA.get("/api/notices/" + caseId).json().get("history");
        assertThat(StreamSupport.stream(history.spliterator(), false)
                        .map(h -> h.get("status").asText()))
                .contains("DECIDED_NO_ACTION")
                .doesNotContain("MEASURE_APPLIED");
    }

    @Test
    void incompleteNoticeIsRefusedWithEveryMissingElementAndNothingStored() {
        Api holderB = Api.as(baseUrl(), "rightsholder-b");
        int before = holderB.get("/api/notices").json().size();

        Api.Response refused = holderB.post("/api/notices", Notices.incompleteDmca());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json()))
                .containsExactlyInAnyOrder(
                        "signature.value",
                        "notifier.email",
                        "attestations.good_faith",
                        "attestations.accuracy_authority_perjury",
                        "targets[0].url");
        assertThat(holderB.get("/api/notices").json().size()).isEqualTo(before);
    }

    @Test
    void malformedBodyNamesTheFieldAtFault() {
        Api.Response refused = Api.as(baseUrl(), "rightsholder-a")
                .post("/api/notices", "{\"targets\": [{\"url\": {\"not\": \"a string\"}}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json())).containsExactly("targets[0].url");
        assertThat(refused.body()).doesNotContain("at com.").doesNotContain("Exception");

        Api.Response notJson = Api.as(baseUrl(), "rightsholder-a").post("/api/notices", "{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void idempotencyKeyMakesRetriesAndRacesSafe() throws Exception {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        String body = Notices.complete("https://gen.example/i/" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Api.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> holderA.post("/api/notices", body, Map.of("Idempotency-Key", key)));
        }
        List<String> caseIds = new ArrayList<>();
        for (Future<Api.Response> attempt : pool.invokeAll(attempts)) {
            assertThat(attempt.get().status()).isEqualTo(201);
            caseIds.add(attempt.get().json().get("case_id").asText());
        }
        pool.shutdown();
        assertThat(caseIds).as("concurrent retries open one case").containsOnly(caseIds.get(0));

        Api.Response retry = holderA.post("/api/notices", body, Map.of("Idempotency-Key", key));
        assertThat(retry.json().get("case_id").asText()).isEqualTo(caseIds.get(0));
        assertThat(retry.replayed()).isEqualTo("true");

        Api.Response reused = holderA.post(
                "/api/notices", Notices.complete("https://gen.example/other"), Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);

        Api.Response otherTenant =
                Api.as(baseUrl(), "rightsholder-b").post("/api/notices", body, Map.of("Idempotency-Key", key));
        assertThat(otherTenant.json().get("case_id").asText())
                .as("keys are per organisation")
                .isNotEqualTo(caseIds.get(0));
    }

    @Test
    void kafkaIntakeOpensCasesAndClosesIncompleteOnesWithTheMissingElements() throws Exception {
        Api holderB = Api.as(baseUrl(), "rightsholder-b");
        String target = "https://gen.example/k/" + UUID.randomUUID();
        String key = "org-b:" + UUID.randomUUID();
        String incompleteKey = "org-b:" + UUID.randomUUID();
        String unsignedKey = "org-b:" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(SignedInbound.notice(key, Notices.complete(target))).get();
            producer.send(SignedInbound.notice(key, Notices.complete(target))).get();
            producer.send(SignedInbound.notice(incompleteKey, Notices.incompleteDmca()))
                    .get();
            producer.send(new ProducerRecord<>(Topics.NOTICES_INBOUND, "no-key-separator", "{}"))
                    .get();
            producer.send(new ProducerRecord<>(Topics.NOTICES_INBOUND, unsignedKey, Notices.complete(target)))
                    .get();
        }

        await().atMost(PATIENCE)
                .until(() -> casesWithTarget(holderB, target) == 1 && hasCaseWithStatus(holderB, "CLOSED_INCOMPLETE"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> casesWithTarget(holderB, target) == 1);

        // DSA Art. 16(4): one receipt per accepted notice on the reply topic, keyed like its record; none for the
        // redelivery, none for a refused record
        List<ConsumerRecord<String, String>> receipts = readAll(
                Topics.NOTICE_RECEIPTS,
                seen -> seen.stream().anyMatch(r -> key.equals(r.key()))
                        && seen.stream().anyMatch(r -> incompleteKey.equals(r.key())));
        assertThat(receipts).filteredOn(r -> unsignedKey.equals(r.key())).isEmpty();
        assertThat(receipts).filteredOn(r -> incompleteKey.equals(r.key())).hasSize(1);
        ConsumerRecord<String, String> receipt = receipts.stream()
                .filter(r -> key.equals(r.key()))
                .reduce((a, b) -> {
                    throw new AssertionError("a second receipt for " + key);
                })
                .orElseThrow();
        assertThat(header(receipt, "ce_type")).isEqualTo("dev.takedown.notice.acknowledged.v1");
        JsonNode acknowledged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(receipt.value());
        JsonNode opened = holderB.get(
                        "/api/notices/" + acknowledged.get("caseId").asText())
                .json();
        assertThat(opened.get("target_urls").get(0).asText()).isEqualTo(target);
        assertThat(acknowledged.get("responseTimes"))
                .isEqualTo(holderB.get("/api/response-times").json().get(0).get("times"));
    }

    @Test
    void taskListFiltersAndSorts() {
        Api holderA = Api.as(baseUrl(), "rightsholder-a");
        String caseId = holderA.post("/api/notices", Notices.complete("https://gen.example/s/" + UUID.randomUUID()))
                .json()
                .get("case_id")
                .asText();
        Api moderator = Api.as(baseUrl(), "moderator");
        awaitTask(moderator, caseId);

        assertThat(ids(moderator.get("/api/tasks?sort=due").json())).contains(caseId);
        assertThat(ids(moderator.get("/api/tasks?min_priority=90").json())).doesNotContain(caseId);
        assertThat(ids(moderator
                        .get("/api/tasks?due_before=2000-01-01T00:00:00Z")
                        .json()))
                .isEmpty();
        Api.Response badSort = moderator.get("/api/tasks?sort=sideways");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(fields(badSort.json())).containsExactly("sort");
        assertThat(moderator.get("/api/tasks?due_before=yesterday").status()).isEqualTo(400);
    }

    static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("case_id").asText()));
        return ids;
    }

    private static int casesWithTarget(Api api, String target) {
        int count = 0;
        for (JsonNode summary : api.get("/api/notices").json()) {
            JsonNode full =
                    api.get("/api/notices/" + summary.get("case_id").asText()).json();
            for (JsonNode url : full.get("target_urls")) {
                if (url.asText().equals(target)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean hasCaseWithStatus(Api api, String status) {
        for (JsonNode summary : api.get("/api/notices").json()) {
            if (summary.get("status").asText().equals(status)) {
                return true;
            }
        }
        return false;
    }

    static String awaitTask(Api moderator, String caseId) {
        String[] found = new String[1];
        await().atMost(PATIENCE).until(() -> {
            for (JsonNode task : moderator.get("/api/tasks").json()) {
                if (task.get("case_id").asText().equals(caseId)) {
                    found[0] = task.get("task_id").asText();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> types(JsonNode records) {
        List<String> types = new ArrayList<>();
        records.forEach(r -> types.add(r.get("event_type").asText()));
        return types;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record of {@code topic} from the start, once {@code enough} holds and a last poll brought the rest. */
    private static List<ConsumerRecord<String, String>> readAll(
            String topic, java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!enough.test(seen) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        }
        if (!enough.test(seen)) {
            throw new AssertionError("not the expected records on " + topic + ": " + seen);
        }
        return seen;
    }

    private static ConsumerRecord<String, String> awaitRecord(
            String topic, java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }
}
