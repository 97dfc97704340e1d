package dev.takedown.measures;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.events.CaseLiftsEnforced;
import dev.takedown.events.CaseMeasuresEnforced;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.EnforcementFailed;
import dev.takedown.events.FilterIndexed;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.LiftCause;
import dev.takedown.events.LiftEnforced;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureEnforced;
import dev.takedown.events.ScreeningNodeAlive;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.events.Topics;
import dev.takedown.testing.EmbeddedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The platform's answers on a real KRaft broker and PostgreSQL: an answer signed with the platform's key, to the
 * measure's last command, records the platform's time; an answer to another version, unsigned, signed by another
 * platform, about no measure of ours or of the wrong kind confirms nothing and reaches the container's error
 * handler (the application's dead-lettering one, {@code app.DeadLetters}, publishes it with this reason).
 */
@ApplicationModuleTest(extraIncludes = "misuse")
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/migration/misuse,classpath:db/migration/measures",
            "spring.flyway.out-of-order=true",
            "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "takedown.enforcement.platform=platform",
            "takedown.enforcement.keys.platform-key.organisation=platform",
            "takedown.enforcement.keys.platform-key.secret=" + EnforcementAnswersTest.SECRET,
            "takedown.enforcement.keys.other-key.organisation=other-platform",
            "takedown.enforcement.keys.other-key.secret=" + EnforcementAnswersTest.OTHER_SECRET,
            "takedown.enforcement.keys.screening-key.organisation=screening-nodes",
            "takedown.enforcement.keys.screening-key.secret=" + EnforcementAnswersTest.SCREENING_SECRET
        })
class EnforcementAnswersTest {

    static final String SECRET = "the-platform-key-for-this-test-only-0123456789";
    static final String OTHER_SECRET = "another-platform-key-for-this-test-only-0123456789";
    static final String SCREENING_SECRET = "the-screening-nodes-key-for-this-test-only-0123456789";

    private static final EmbeddedKafkaKraftBroker broker = broker();

    /** As a platform writes its answers: times as ISO-8601 text. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the container's error handler was given: record key and reason. */
    static final List<String> refused = new CopyOnWriteArrayList<>();

    /** The cases told that all their measures are enforced, from any thread. */
    static final List<String> removed = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @TestConfiguration
    static class Refusals {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @EventListener
        void on(CaseMeasuresEnforced enforced) {
            removed.add(enforced.caseId());
        }

        @Bean
        CommonErrorHandler recordingErrorHandler() {
            return new DefaultErrorHandler(
                    (record, e) -> refused.add(record.key() + " → " + rootMessage(e)), new FixedBackOff(0, 0));
        }
    }

    @Autowired
    Measures measures;

    @Autowired
    Enforcements enforcements;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScreeningConfirmations screening;

    @Test
    void aSignedConfirmationOfTheLastCommandRecordsThePlatformsTime() throws Exception {
        String measureId = applied();
        long version = version(measureId);
        Instant removedAt = Instant.parse("2026-03-02T08:00:07.250Z");
        assertThat(measures.find(measureId).enforcement()).isEqualTo(EnforcementStatus.REQUESTED);

        send(
                measureId,
                MeasureEnforced.TYPE,
                new MeasureEnforced(measureId, version, removedAt),
                "platform-key",
                SECRET);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.find(measureId).enforcement() == EnforcementStatus.ENFORCED);
        MeasureView view = measures.find(measureId);
        assertThat(view.enforcedAt()).as("the platform's time, not ours").isEqualTo(removedAt);
        assertThat(view.status()).isEqualTo(MeasureStatus.APPLIED);
        assertThat(jdbc.queryForObject(
                        "select platform from measure_enforcement where measure_id = ?::uuid", String.class, measureId))
                .isEqualTo("kafka-org:platform");
        assertThat(version(measureId))
                .as("an answer leaves the measure's version alone")
                .isEqualTo(version);
    }

    @Test
    void answersThatConfirmNothingAreRefusedWithTheirReason() throws Exception {
        String measureId = applied();
        long version = version(measureId);
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        String unknown = UUID.randomUUID().toString();

        send(measureId, MeasureEnforced.TYPE, new MeasureEnforced(measureId, version - 1, at), "platform-key", SECRET);
        send(measureId, MeasureEnforced.TYPE, new MeasureEnforced(measureId, version, at), null, null);
        send(measureId, MeasureEnforced.TYPE, new MeasureEnforced(measureId, version, at), "other-key", OTHER_SECRET);
        send(
                measureId,
                MeasureEnforced.TYPE,
                new MeasureEnforced(measureId, version, at),
                "platform-key",
                OTHER_SECRET);
        send(unknown, MeasureEnforced.TYPE, new MeasureEnforced(unknown, 1L, at), "platform-key", SECRET);
        send(measureId, LiftEnforced.TYPE, new LiftEnforced(measureId, version, at), "platform-key", SECRET);
        send(
                measureId,
                "dev.takedown.notice.decided.v1",
                new MeasureEnforced(measureId, version, at),
                "platform-key",
                SECRET);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> reasons(measureId, unknown).size() == 7);
        assertThat(reasons(measureId, unknown))
                .containsExactlyInAnyOrder(
                        "the answer is to version " + (version - 1) + " of measure " + measureId
                                + ", whose last command is version " + version,
                        "no takedown-key-id header",
                        "signed by 'other-platform', not by the platform 'platform'",
                        "takedown-signature does not match key 'platform-key'",
                        "no measure '" + unknown + "' was ever requested",
                        "version " + version + " of measure " + measureId + " is a measure, not what LiftEnforced"
                                + " confirms",
                        "ce_type 'dev.takedown.notice.decided.v1' is no enforcement answer");
        assertThat(measures.find(measureId).enforcement())
                .as("nothing was confirmed")
                .isEqualTo(EnforcementStatus.REQUESTED);
        assertThat(measures.find(measureId).enforcedAt()).isNull();
    }

    @Test
    void aPassingFailureThenTheConfirmationAfterTheCommandWasSentAgain() throws Exception {
        String measureId = applied();
        long version = version(measureId);
        Instant failedAt = Instant.parse("2026-03-02T08:00:01Z");
        Instant removedAt = Instant.parse("2026-03-02T08:02:03Z");

        send(
                measureId,
                EnforcementFailed.TYPE,
                new EnforcementFailed(measureId, version, EnforcementFailed.Reason.TRANSIENT, failedAt, "storage busy"),
                "platform-key",
                SECRET);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.find(measureId).enforcement() == EnforcementStatus.FAILED);
        assertThat(jdbc.queryForObject(
                        "select failure from measure_enforcement where measure_id = ?::uuid", String.class, measureId))
                .isEqualTo("TRANSIENT");

        assertThat(enforcements.requestAgain(measureId, version)).isTrue();
        assertThat(version(measureId)).as("the same command, sent again").isEqualTo(version);
        send(
                measureId,
                MeasureEnforced.TYPE,
                new MeasureEnforced(measureId, version, removedAt),
                "platform-key",
                SECRET);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.find(measureId).enforcement() == EnforcementStatus.ENFORCED);
        assertThat(measures.find(measureId).enforcedAt()).isEqualTo(removedAt);
        assertThat(enforcements.confirmed(measureId, version)).isTrue();
        assertThat(enforcements.requestAgain(measureId, version))
                .as("nothing to send once confirmed")
                .isFalse();
    }

    @Test
    void aLiftIsConfirmedOnlyByTheAnswerToTheLiftsVersion() throws Exception {
        String measureId = applied();
        long appliedVersion = version(measureId);
        Instant removedAt = Instant.parse("2026-03-02T08:00:05Z");
        Instant restoredAt = Instant.parse("2026-03-20T00:00:02Z");
        send(
                measureId,
                MeasureEnforced.TYPE,
                new MeasureEnforced(measureId, appliedVersion, removedAt),
                "platform-key",
                SECRET);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.find(measureId).enforcement() == EnforcementStatus.ENFORCED);

        measures.lift(measureId, "senior", "restored after a counter-notice");
        long liftVersion = version(measureId);
        assertThat(measures.find(measureId).enforcement()).isEqualTo(EnforcementStatus.LIFT_REQUESTED);

        send(
                measureId,
                LiftEnforced.TYPE,
                new LiftEnforced(measureId, appliedVersion, restoredAt),
                "platform-key",
                SECRET);
        send(
                measureId,
                LiftEnforced.TYPE,
                new LiftEnforced(measureId, liftVersion, restoredAt),
                "platform-key",
                SECRET);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.find(measureId).enforcement() == EnforcementStatus.LIFT_ENFORCED);
        MeasureView view = measures.find(measureId);
        assertThat(view.liftEnforcedAt()).isEqualTo(restoredAt);
        assertThat(view.enforcedAt()).as("when it was removed stays on record").isEqualTo(removedAt);
        assertThat(reasons(measureId))
                .containsExactly("the answer is to version " + appliedVersion + " of measure " + measureId
                        + ", whose last command is version " + liftVersion);
    }

    /**
     * A case is removed when the platform confirmed its last measure in effect, and restored when it confirmed the last
     * lift: one fact each, at the latest of the platform's times, never while one measure is unconfirmed.
     */
    @Test
    void theCaseIsRemovedOnlyWhenItsLastMeasureIsConfirmedAndRestoredWhenItsLastLiftIs(PublishedEvents published) {
        String caseId = caseWithTwoDeletions();
        List<String> ids =
                measures.forCase(caseId).stream().map(MeasureView::measureId).toList();
        Instant first = Instant.parse("2026-03-02T08:00:09Z");
        Instant last = Instant.parse("2026-03-02T08:00:04Z");
        assertThat(enforcements.removalConfirmed(caseId)).isFalse();

        enforcements.record(new MeasureEnforced(ids.get(0), version(ids.get(0)), first), "kafka-org:platform");
        assertThat(enforcements.removalConfirmed(caseId))
                .as("one of two confirmed")
                .isFalse();
        assertThat(enforcements.removedAt(caseId)).isEmpty();
        assertThat(published
                        .ofType(CaseMeasuresEnforced.class)
                        .matching(e -> e.caseId().equals(caseId)))
                .isEmpty();

        enforcements.record(new MeasureEnforced(ids.get(1), version(ids.get(1)), last), "kafka-org:platform");
        enforcements.record(new MeasureEnforced(ids.get(1), version(ids.get(1)), last), "kafka-org:platform");
        assertThat(enforcements.removalConfirmed(caseId)).isTrue();
        assertThat(enforcements.removedAt(caseId))
                .as("the later of the platform's times, whichever answer came last")
                .contains(first);
        assertThat(published
                        .ofType(CaseMeasuresEnforced.class)
                        .matching(e -> e.caseId().equals(caseId)))
                .singleElement()
                .satisfies(enforced -> {
                    assertThat(enforced.measures()).isEqualTo(2);
                    assertThat(enforced.platformAt()).isEqualTo(first);
                    assertThat(enforced.actor()).isEqualTo("kafka-org:platform");
                });

        measures.liftAll(caseId, "system", LiftCause.COUNTER_NOTICE, "restored after counter-notice");
        assertThat(enforcements.restorationConfirmed(caseId)).isFalse();
        Instant restoredAt = Instant.parse("2026-03-20T00:00:02Z");
        enforcements.record(new LiftEnforced(ids.get(0), version(ids.get(0)), restoredAt), "kafka-org:platform");
        assertThat(published
                        .ofType(CaseLiftsEnforced.class)
                        .matching(e -> e.caseId().equals(caseId)))
                .isEmpty();
        enforcements.record(new LiftEnforced(ids.get(1), version(ids.get(1)), restoredAt), "kafka-org:platform");

        assertThat(enforcements.restorationConfirmed(caseId)).isTrue();
        assertThat(enforcements.restoredAt(caseId)).contains(restoredAt);
        assertThat(published
                        .ofType(CaseLiftsEnforced.class)
                        .matching(e -> e.caseId().equals(caseId)))
                .singleElement()
                .satisfies(lifted -> assertThat(lifted.platformAt()).isEqualTo(restoredAt));
        assertThat(enforcements.removalConfirmed("case-without-measures"))
                .as("nothing in effect, nothing to wait for")
                .isTrue();
    }

    /**
     * Two nodes record the answers to a case's two measures at the same moment: each must see the other's, so that
     * exactly one of them tells the case it is removed (neither would, and the lifecycle would wait for good).
     */
    @Test
    void answersToOneCaseRecordedAtOnceTellTheCaseOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<String> caseIds = new ArrayList<>();
        try {
            for (int round = 0; round < 8; round++) {
                String caseId = caseWithTwoDeletions();
                caseIds.add(caseId);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> answers = new ArrayList<>();
                for (MeasureView measure : measures.forCase(caseId)) {
                    answers.add(nodes.submit(() -> {
                        together.await();
                        return enforcements.record(
                                new MeasureEnforced(measure.measureId(), version(measure.measureId()), Instant.now()),
                                "kafka-org:platform");
                    }));
                }
                for (Future<?> answer : answers) {
                    answer.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            nodes.shutdownNow();
        }
        for (String caseId : caseIds) {
            assertThat(enforcements.removalConfirmed(caseId)).isTrue();
            assertThat(removed).as("told once: " + caseId).containsOnlyOnce(caseId);
        }
    }

    @Test
    void aReuploadBlockKeepsTheModelNameAndTheProfilesAnswerWhenItsCommandIsSentAgain(PublishedEvents published) {
        String caseId = "case-" + UUID.randomUUID();
        measures.plan(
                caseId,
                "d-1",
                List.of(MeasureType.BLOCK_REUPLOAD),
                List.of(new MeasureTarget(
                        "https://gen.example/m/1", null, "a".repeat(64), "Ultraman Tiga LoRA", false, false)),
                null,
                "mod",
                false,
                SimilarUploads.REVIEW);
        measures.applyPlanned(caseId);
        String measureId = measures.forCase(caseId).get(0).measureId();

        assertThat(measures.publishAgain(measureId, version(measureId))).isTrue();

        assertThat(published
                        .ofType(MeasureApplied.class)
                        .matching(e -> e.measureId().equals(measureId)))
                .hasSize(2)
                .allSatisfy(applied -> {
                    assertThat(applied.modelName()).isEqualTo("Ultraman Tiga LoRA");
                    assertThat(applied.similarUploads()).isEqualTo(SimilarUploads.REVIEW);
                });
    }

    /**
     * A filter acts in the screening index, so the screening nodes confirm it, not the platform: it is enforced when
     * every live node has it in its index, as of the last node's answer. A live node that never answers keeps it
     * unconfirmed; once that node stops and drops out of the registry, the next check confirms it.
     */
    @Test
    void aFilterIsEnforcedWhenEveryLiveScreeningNodeHasItInItsIndex(PublishedEvents published) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String a = "node-a-" + UUID.randomUUID();
        String b = "node-b-" + UUID.randomUUID();
        screening.alive(a, now);
        screening.alive(b, now);
        String caseId = "case-" + UUID.randomUUID();
        String filter = filter(caseId);
        long version = version(filter);

        assertThatThrownBy(() -> enforcements.record(new MeasureEnforced(filter, version, now), "kafka-org:platform"))
                .as("the platform cannot confirm a filter")
                .isInstanceOf(AcknowledgementRefusedException.class)
                .hasMessageContaining("the screening nodes confirm it");
        screening.indexed(new FilterIndexed(a, filter, version, false, now.plusMillis(5)));
        assertThat(measures.find(filter).enforcement())
                .as("one of two nodes answered")
                .isEqualTo(EnforcementStatus.REQUESTED);
        screening.indexed(new FilterIndexed(b, filter, version, false, now.plusMillis(9)));

        MeasureView enforced = measures.find(filter);
        assertThat(enforced.enforcement()).isEqualTo(EnforcementStatus.ENFORCED);
        assertThat(enforced.enforcedAt()).as("the last node's answer").isEqualTo(now.plusMillis(9));
        assertThat(published
                        .ofType(CaseMeasuresEnforced.class)
                        .matching(e -> e.caseId().equals(caseId)))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(ScreeningConfirmations.PRINCIPAL));

        String silent = "node-c-" + UUID.randomUUID();
        screening.alive(silent, now);
        String wider = filter("case-" + UUID.randomUUID());
        screening.indexed(new FilterIndexed(a, wider, version(wider), false, now.plusMillis(20)));
        screening.indexed(new FilterIndexed(b, wider, version(wider), false, now.plusMillis(21)));
        screening.recheck();
        assertThat(measures.find(wider).enforcement())
                .as("a live node has not answered")
                .isEqualTo(EnforcementStatus.REQUESTED);

        jdbc.update("update screening_node set last_seen = now() - interval '10 minutes' where node_id = ?", silent);
        assertThat(screening.liveNodes()).doesNotContain(silent).contains(a, b);
        screening.recheck();
        assertThat(measures.find(wider).enforcement())
                .as("the silent node stopped and left the registry")
                .isEqualTo(EnforcementStatus.ENFORCED);
        assertThat(measures.find(wider).enforcedAt()).isEqualTo(now.plusMillis(21));
    }

    /**
     * Whoever can reach the broker can write on the screening nodes' topic: only a record signed with the screening
     * nodes' key, and keyed by the node it speaks for, registers a node or confirms a filter.
     */
    @Test
    void screeningNodeRecordsCountOnlySignedByTheNodesKeyAndForTheirOwnNode() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String node = "node-k-" + UUID.randomUUID();
        String other = "node-x-" + UUID.randomUUID();
        String filter = filter("case-" + UUID.randomUUID());
        FilterIndexed answer = new FilterIndexed(node, filter, version(filter), false, now);

        sendTo(Topics.SCREENING_NODES, node, FilterIndexed.TYPE, answer, null, null);
        sendTo(Topics.SCREENING_NODES, node, FilterIndexed.TYPE, answer, "platform-key", SECRET);
        sendTo(Topics.SCREENING_NODES, node, FilterIndexed.TYPE, answer, "screening-key", OTHER_SECRET);
        sendTo(Topics.SCREENING_NODES, other, FilterIndexed.TYPE, answer, "screening-key", SCREENING_SECRET);
        sendTo(Topics.SCREENING_NODES, other, ScreeningNodeAlive.TYPE, new ScreeningNodeAlive(other, now), null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> reasons(node, other).size() == 5);
        assertThat(reasons(node, other))
                .containsExactlyInAnyOrder(
                        "no takedown-key-id header",
                        "signed by 'platform', not by the screening nodes 'screening-nodes'",
                        "takedown-signature does not match key 'screening-key'",
                        "the record key must be the node the record speaks for",
                        "no takedown-key-id header");
        assertThat(screening.liveNodes())
                .as("an unsigned heartbeat registers nothing")
                .doesNotContain(other);
        assertThat(jdbc.queryForObject(
                        "select count(*) from screening_ack where measure_id = ?::uuid", Long.class, filter))
                .as("no forged answer was recorded")
                .isZero();

        sendTo(
                Topics.SCREENING_NODES,
                node,
                ScreeningNodeAlive.TYPE,
                new ScreeningNodeAlive(node, now),
                "screening-key",
                SCREENING_SECRET);
        sendTo(Topics.SCREENING_NODES, node, FilterIndexed.TYPE, answer, "screening-key", SCREENING_SECRET);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from screening_ack where measure_id = ?::uuid and node_id = ?",
                                Long.class,
                                filter,
                                node))
                        .isOne());
        assertThat(screening.liveNodes()).contains(node);
        // the other tests count live nodes: this one leaves
        screening.left(node);
    }

    private String filter(String caseId) {
        measures.plan(
                caseId,
                "d-1",
                List.of(MeasureType.PROMPT_FILTER),
                List.of(),
                new ScreeningRule("Ultraman", List.of("奥特曼"), null, null, null, null),
                "mod",
                false);
        measures.applyPlanned(caseId);
        return measures.forCase(caseId).get(0).measureId();
    }

    private String applied() {
        String caseId = "case-" + UUID.randomUUID();
        measures.plan(
                caseId,
                "d-1",
                List.of(MeasureType.DELETE),
                List.of(new MeasureTarget("https://gen.example/p/" + UUID.randomUUID(), null)),
                null,
                "mod",
                false);
        measures.applyPlanned(caseId);
        return measures.forCase(caseId).get(0).measureId();
    }

    private long version(String measureId) {
        return jdbc.queryForObject("select version from measure where id = ?::uuid", Long.class, measureId);
    }

    private static List<String> reasons(String... keys) {
        return refused.stream()
                .filter(r -> List.of(keys).contains(r.substring(0, r.indexOf(" → "))))
                .map(r -> r.substring(r.indexOf(" → ") + 3))
                .toList();
    }

    /** A case whose two targets were decided for deletion, both measures applied and commanded. */
    private String caseWithTwoDeletions() {
        String caseId = "case-" + UUID.randomUUID();
        measures.plan(
                caseId,
                "d-1",
                List.of(MeasureType.DELETE),
                List.of(
                        new MeasureTarget("https://gen.example/p/" + UUID.randomUUID(), null),
                        new MeasureTarget("https://gen.example/p/" + UUID.randomUUID(), null)),
                null,
                "mod",
                false);
        measures.applyPlanned(caseId);
        return caseId;
    }

    private void send(String key, String type, Object answer, String keyId, String secret) throws Exception {
        sendTo(Topics.ENFORCEMENT_RESULTS, key, type, answer, keyId, secret);
    }

    private void sendTo(String topic, String key, String type, Object answer, String keyId, String secret)
            throws Exception {
        byte[] value = JSON.writeValueAsBytes(answer);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, new String(value, UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(UTF_8));
        if (keyId != null) {
            record.headers().add(InboundSignatures.KEY_ID, keyId.getBytes(UTF_8));
            record.headers()
                    .add(
                            InboundSignatures.SIGNATURE,
                            InboundSignatures.sign(secret, key, value).getBytes(UTF_8));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get();
        }
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker =
                new EmbeddedKafkaKraftBroker(1, 1, Topics.ENFORCEMENT_RESULTS, Topics.MEASURES, Topics.SCREENING_NODES);
        broker.afterPropertiesSet();
        return broker;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
