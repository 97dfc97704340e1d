package dev.takedown.audit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.Provenance;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskClaimed;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The appender and the verifier against a real PostgreSQL 17 with the module's Flyway migrations, one chain. */
class LedgerAppenderTest {

    private static final String GENESIS = "0".repeat(64);
    private static final Instant KAFKA_TIME = EmbeddedLedger.KAFKA_TIME;

    private static EmbeddedLedger ledger;

    private JdbcTemplate jdbc;
    private LedgerAppender appender;
    private AuditTrail trail;

    @BeforeAll
    static void startPostgres() throws IOException {
        ledger = new EmbeddedLedger();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        ledger.close();
    }

    @BeforeEach
    void freshLedger() {
        ledger.reset();
        jdbc = ledger.jdbc;
        appender = new LedgerAppender(jdbc, ledger.transactions, EmbeddedLedger.properties(1));
        trail = new AuditTrail(
                jdbc,
                ledger.transactions,
                new Checkpointer(
                        jdbc,
                        ledger.transactions,
                        true,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        TsaTrust.none(),
                        Clock.systemUTC()));
    }

    @Test
    void chainsRecordsFromTheGenesisHash() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-2", "mod-2"), taskClaimed("case-1", "mod-3"));

        List<LedgerRecord> rows = allRows();
        assertThat(rows).extracting(LedgerRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).prevHash()).isEqualTo(GENESIS);
        assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
        assertThat(rows)
                .extracting(LedgerRecord::hash)
                .doesNotHaveDuplicates()
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(jdbc.queryForMap("select seq, hash from audit_chain_head where chain = 0"))
                .containsEntry("seq", 3L)
                .containsEntry("hash", rows.get(2).hash());
    }

    @Test
    void hashIsTheRfc6962LeafHashOfTheCanonicalJsonOfTheDocumentedFields() throws Exception {
        UUID id = UUID.fromString("6f1c1f4e-0a4b-4c39-9a43-3f1d2b1b9e01");
        var event = new TaskClaimed(id, Instant.parse("2025-01-02T03:04:05.123456Z"), "case-1", "mod-1", "task-7");

        appender.append(record(Topics.TASKS, event));

        String payload = "{\"actor\":\"mod-1\",\"caseId\":\"case-1\",\"eventId\":\"" + id + "\","
                + "\"occurredAt\":\"2025-01-02T03:04:05.123456Z\",\"taskId\":\"task-7\"}";
        LedgerRecord row = allRows().get(0);
        // format 4: the preimage has the commitment SHA-256(salt || payload) where format 3 had the payload
        byte[] salt = HexFormat.of().parseHex(row.payloadSalt());
        assertThat(salt).hasSize(16);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        String commitment = HexFormat.of().formatHex(sha256.digest(payload.getBytes(UTF_8)));
        String hashed = "{\"actor\":\"mod-1\",\"actorType\":\"HUMAN\",\"caseId\":\"case-1\",\"chain\":0,"
                + "\"eventId\":\"" + id + "\",\"eventType\":\"dev.takedown.task.claimed.v1\",\"legalBasis\":null,"
                + "\"occurredAt\":\"2025-01-02T03:04:05.123456Z\",\"payloadCommitment\":\"" + commitment + "\","
                + "\"policyVersion\":\"2026-11-01\",\"prevHash\":\"" + GENESIS + "\","
                + "\"seq\":1,\"topic\":\"takedown.tasks\"}";
        // hashed as format 3: SHA-256(0x00 || preimage)
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("\0" + hashed).getBytes(UTF_8)));
        assertThat(row.format()).isEqualTo(4);
        assertThat(row.payload()).isEqualTo(payload);
        assertThat(row.payloadCommitment()).isEqualTo(commitment);
        assertThat(row.hash()).isEqualTo(expected);
    }

    @Test
    void takesIdTypeSubjectAndTimeFromCloudEventHeaders() {
        var event = new NoticeReceived(
                UUID.randomUUID(),
                Instant.parse("2025-02-03T04:05:06Z"),
                "case-7",
                "portal:acme",
                "org-1",
                List.of("EU_DSA"),
                "API",
                2,
                NoticeReceived.PROCESS,
                null,
                "RIGHTS_HOLDER",
                "COPYRIGHT_REPRODUCTION");

        appender.append(record(Topics.NOTICE_EVENTS, event));

        LedgerRecord row = allRows().get(0);
        assertThat(row.eventId()).isEqualTo(event.eventId().toString());
        assertThat(row.topic()).isEqualTo(Topics.NOTICE_EVENTS);
        assertThat(row.eventType()).isEqualTo("dev.takedown.notice.received.v1");
        assertThat(row.caseId()).isEqualTo("case-7");
        assertThat(row.actor()).isEqualTo("portal:acme");
        assertThat(row.actorType()).isEqualTo(ActorType.AUTOMATED);
        assertThat(row.occurredAt()).isEqualTo(event.occurredAt());
    }

    @Test
    void unwrapsJsonEncodedHeaderValues() {
        var headers = Map.of(
                CloudEventHeaders.ID,
                "\"evt-1\"",
                CloudEventHeaders.TYPE,
                "\"dev.takedown.access.case-viewed.v1\"",
                CloudEventHeaders.SUBJECT,
                "\"case-9\"",
                CloudEventHeaders.TIME,
                "\"2025-05-06T07:08:09Z\"");

        appender.append(record(Topics.ACCESS_LOG, "{\"actor\":\"alice\"}", headers));

        LedgerRecord row = allRows().get(0);
        assertThat(row.eventId()).isEqualTo("evt-1");
        assertThat(row.eventType()).isEqualTo("dev.takedown.access.case-viewed.v1");
        assertThat(row.caseId()).isEqualTo("case-9");
        assertThat(row.occurredAt()).isEqualTo(Instant.parse("2025-05-06T07:08:09Z"));
        assertThat(row.actorType()).isEqualTo(ActorType.HUMAN);
    }

    @Test
    void anExternalRecordIsRecordedAsReceivedWithTheDigestOfItsBytesAndNothingItClaims() {
        String body = "{\"caseId\":\"case-3\",\"actor\":\"senior\",\"occurredAt\":\"2025-04-01T10:00:00+02:00\"}";
        var claims = Map.of(
                CloudEventHeaders.ID, "evt-claimed",
                CloudEventHeaders.TYPE, "dev.takedown.notice.decided.v1",
                CloudEventHeaders.SUBJECT, "case-3",
                CloudEventHeaders.TIME, "2025-04-01T08:00:00Z");
        Instant before = Instant.now();

        appender.append(record(Topics.ENFORCEMENT_RESULTS, body, claims));

        LedgerRecord row = allRows().get(0);
        assertThat(row.eventId()).isEqualTo(Topics.ENFORCEMENT_RESULTS + "-0-" + ledger.lastOffset());
        assertThat(row.eventType()).isEqualTo(Provenance.INBOUND_RECEIVED);
        assertThat(row.caseId()).isNull();
        assertThat(row.actor()).isEqualTo(IncomingEvent.UNAUTHENTICATED);
        assertThat(row.occurredAt()).as("when we received it").isAfterOrEqualTo(before.minusMillis(1));
        assertThat(row.payload())
                .contains("\"sha256\":\"" + HexFormat.of().formatHex(Sha256.digest(body.getBytes(UTF_8))) + "\"")
                .contains("\"bytes\":" + body.getBytes(UTF_8).length)
                .doesNotContain("senior");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void externalBodiesThatAreNotJsonAndTombstonesAreRecordedAsReceived() {
        appender.append(record(Topics.ENFORCEMENT_RESULTS, "ack measure \"m-1\"\u0000", Map.of()));
        appender.append(record(Topics.SCREENING_EVENTS, null, Map.of()));

        List<LedgerRecord> rows = allRows();
        assertThat(rows).extracting(LedgerRecord::eventType).containsOnly(Provenance.INBOUND_RECEIVED);
        assertThat(rows.get(1).payload()).contains("\"sha256\":null", "\"bytes\":0");
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(2, 0, 0));
    }

    @Test
    void aRecordOnOurTopicsThatIsNotAnEventWePublishThereIsRejected() {
        var decided = Map.of(CloudEventHeaders.ID, "evt-1", CloudEventHeaders.TYPE, "dev.takedown.notice.decided.v1");
        var cases = Map.of(
                "no type", record(Topics.NOTICE_EVENTS, "{}", Map.of(CloudEventHeaders.ID, "evt-1")),
                "a type of another topic", record(Topics.TASKS, "{}", decided),
                "a tombstone", record(Topics.NOTICE_EVENTS, null, decided),
                "not JSON", record(Topics.NOTICE_EVENTS, "ack", decided),
                "a NUL in the actor", record(Topics.NOTICE_EVENTS, "{\"actor\":\"a\\u0000b\"}", decided),
                "a NUL deep in the body", record(Topics.NOTICE_EVENTS, "{\"x\":[{\"y\":\"\\u0000\"}]}", decided),
                "an over-long case id",
                        record(Topics.NOTICE_EVENTS, "{\"caseId\":\"" + "c".repeat(513) + "\"}", decided));

        cases.forEach((name, record) ->
                assertThatThrownBy(() -> appender.append(record)).as(name).isInstanceOf(RecordRejected.class));

        assertThat(allRows()).isEmpty();
    }

    @Test
    void aRejectedRecordEndsTheBatchAfterTheRecordsBeforeItAreAppended() {
        var good1 = record(Topics.TASKS, taskClaimed("case-1", "mod-1"));
        var poison = record(
                Topics.TASKS,
                "{\"actor\":\"a\\u0000b\"}",
                Map.of(CloudEventHeaders.ID, "p", CloudEventHeaders.TYPE, "dev.takedown.task.claimed.v1"));
        var good2 = record(Topics.TASKS, taskClaimed("case-1", "mod-2"));

        assertThatThrownBy(() -> appender.appendAll(List.of(good1, poison, good2)))
                .isInstanceOfSatisfying(
                        RecordRejected.class, e -> assertThat(e.index()).isEqualTo(1))
                .hasMessageContaining("NUL");
        assertThat(allRows()).extracting(LedgerRecord::actor).containsExactly("mod-1");

        appender.appendAll(List.of(good2));
        assertThat(allRows()).extracting(LedgerRecord::actor).containsExactly("mod-1", "mod-2");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void keepsTheMicrosecondsPostgresStoresSoTheHashStillVerifies() {
        var headers = Map.of(
                CloudEventHeaders.ID,
                "evt-ns",
                CloudEventHeaders.TYPE,
                "dev.takedown.task.claimed.v1",
                CloudEventHeaders.TIME,
                "2025-01-02T03:04:05.123456789Z");

        appender.append(record(Topics.TASKS, "{}", headers));

        assertThat(allRows().get(0).occurredAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRedeliveredEventAppendsNothing() {
        var event = taskClaimed("case-1", "mod-1");
        ConsumerRecord<String, String> first = record(Topics.TASKS, event);

        assertThat(appender.append(first)).hasValue(1);
        assertThat(appender.append(first)).isEmpty();
        // the outbox may republish the same event: a new offset, the same ce_id
        assertThat(appender.append(record(Topics.TASKS, event))).isEmpty();

        assertThat(trail.count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select seq from audit_chain_head", Long.class))
                .isEqualTo(1);
        assertThat(appender.append(record(Topics.TASKS, taskClaimed("case-1", "mod-1"))))
                .hasValue(2);
    }

    @Test
    void verifiesAnIntactChainAcrossPages() {
        for (int i = 0; i < 1003; i++) {
            appender.append(record(Topics.TASKS, taskClaimed("case-" + (i % 7), "mod-" + i)));
        }

        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(1003, 0, 0));
        assertThat(trail.count()).isEqualTo(1003);
    }

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(0, 0, 0));
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"));

        assertThatThrownBy(() -> jdbc.update("update audit_ledger set actor = 'mallory' where seq = 1"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_ledger where seq = 2"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_ledger"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only: TRUNCATE refused");

        assertThat(allRows()).extracting(LedgerRecord::actor).containsExactly("mod-1", "mod-2");
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(2, 0, 0));
    }

    @Test
    void detectsAnEditedPayload() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));

        tamper("update audit_ledger set payload = '{\"forged\":true}' where seq = 2");

        ChainStatus status = trail.verify();
        assertThat(status.intact()).isFalse();
        assertThat(status.firstBrokenSeq()).isEqualTo(2);
        assertThat(status.records()).isEqualTo(3);
        assertThat(status.reason()).contains("payload does not match its commitment");
    }

    @Test
    void detectsAPayloadReformattedWithoutChangingItsContent() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"));
        String canonical = allRows().get(1).payload();

        tamper("update audit_ledger set payload = ? where seq = 2", canonical.replace(",", ", "));

        assertThat(trail.verify())
                .extracting(ChainStatus::intact, ChainStatus::firstBrokenSeq)
                .containsExactly(false, 2L);
    }

    @Test
    void aRecordRewrittenWithAFreshHashBreaksTheNextLink() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));
        LedgerRecord second = allRows().get(1);
        String forgedHash = new LedgerEntry(
                        second.format(),
                        0,
                        2,
                        second.eventId(),
                        second.topic(),
                        second.eventType(),
                        second.caseId(),
                        "mallory",
                        ActorType.HUMAN,
                        null,
                        second.policyVersion(),
                        second.occurredAt(),
                        second.payload(),
                        second.prevHash(),
                        second.payloadSalt(),
                        second.payloadCommitment())
                .hash();

        tamper("update audit_ledger set actor = 'mallory', hash = ? where seq = 2", forgedHash);

        ChainStatus status = trail.verify();
        assertThat(status.intact()).isFalse();
        assertThat(status.firstBrokenSeq()).isEqualTo(3);
        assertThat(status.reason()).contains("prev_hash");
    }

    @Test
    void detectsADeletedRecord() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));

        tamper("delete from audit_ledger where seq = 2");

        assertThat(trail.verify())
                .isEqualTo(new ChainStatus(
                        false, 2, 0, 0, 0, 2L, null, "record 2 is missing; the next one is 3", List.of()));
    }

    @Test
    void detectsRecordsCutOffTheEndThroughTheHead() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));

        tamper("delete from audit_ledger where seq = 3");

        assertThat(trail.verify())
                .isEqualTo(new ChainStatus(
                        false,
                        2,
                        0,
                        0,
                        0,
                        3L,
                        null,
                        "the head of chain 0 is at record 3 but the chain ends at record 2",
                        List.of()));
    }

    @Test
    void concurrentAppendersKeepTheChainGapless() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    records.add(record(Topics.TASKS, taskClaimed("case-" + thread, "mod-" + i)));
                }
                runs.add(pool.submit(() -> records.forEach(appender::append)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(allRows())
                .extracting(LedgerRecord::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(100, 0, 0));
    }

    @Test
    void caseTimelineListsOnlyThatCaseInLedgerOrder() {
        appendAll(taskClaimed("case-A", "mod-1"), taskClaimed("case-B", "mod-2"));
        var measure = new MeasureApplied(
                UUID.randomUUID(),
                Instant.parse("2025-06-01T00:00:00Z"),
                "case-A",
                TakedownEvent.SYSTEM,
                "measure-1",
                "REMOVE",
                "https://example.org/x",
                null);
        appender.append(record(Topics.MEASURES, measure));

        List<LedgerRecord> timeline = trail.caseTimeline("case-A");

        assertThat(timeline).extracting(LedgerRecord::seq).containsExactly(1L, 3L);
        assertThat(timeline).extracting(LedgerRecord::actorType).containsExactly(ActorType.HUMAN, ActorType.AUTOMATED);
        assertThat(timeline.get(1).eventType()).isEqualTo("dev.takedown.measure.applied.v1");
        assertThat(timeline.get(1).payload()).contains("\"measureId\":\"measure-1\"");
        assertThat(timeline.get(1).recordedAt()).isNotNull();
        assertThat(trail.caseTimeline("case-unknown")).isEmpty();
    }

    @Test
    void derivesTheLegalBasisIgnoringWhatTheRecordClaimsTakesThePolicyVersionElseTheConfiguredOneAndHashesThem() {
        appender.append(record(
                Topics.NOTICE_EVENTS,
                "{\"caseId\":\"case-5\",\"jurisdictionProfiles\":[\"EU_DSA\"],\"legalBasis\":\"FORGED\"}",
                Map.of(CloudEventHeaders.ID, "evt-0", CloudEventHeaders.TYPE, "dev.takedown.notice.received.v1")));
        appender.append(record(
                Topics.NOTICE_EVENTS,
                "{\"caseId\":\"case-5\",\"legalBasis\":\"DSA_ART_16\"," + "\"policyVersion\":\"2025-07-01\"}",
                decided("evt-1")));
        appender.append(record(Topics.NOTICE_EVENTS, "{\"caseId\":\"case-6\"}", decided("evt-2")));

        List<LedgerRecord> rows = allRows();
        assertThat(rows)
                .extracting(LedgerRecord::legalBasis)
                .containsExactly(
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16",
                        "EU_DSA: Regulation (EU) 2022/2065 (DSA) Art. 16 + Regulation (EU) 2022/2065 (DSA) Art. 17",
                        null);
        assertThat(rows)
                .extracting(LedgerRecord::policyVersion)
                .containsExactly("2026-11-01", "2025-07-01", "2026-11-01");
        assertThat(rows).extracting(LedgerRecord::format).containsOnly(LedgerEntry.CURRENT_FORMAT);
        assertThat(trail.verify().intact()).isTrue();

        tamper("update audit_ledger set legal_basis = 'NONE' where seq = 2");
        assertThat(trail.verify())
                .extracting(ChainStatus::intact, ChainStatus::firstBrokenSeq)
                .containsExactly(false, 2L);
    }

    @Test
    void aBatchIsOneTransactionThatSkipsKnownAndRepeatedEventIds() {
        var known = record(Topics.TASKS, taskClaimed("case-1", "mod-0"));
        appender.append(known);
        var fresh = record(Topics.TASKS, taskClaimed("case-1", "mod-1"));

        List<LedgerAppender.Appended> appended =
                appender.appendAll(List.of(known, fresh, fresh, record(Topics.TASKS, taskClaimed("case-2", "mod-2"))));

        assertThat(appended).extracting(LedgerAppender.Appended::seq).containsExactly(2L, 3L);
        assertThat(allRows()).extracting(LedgerRecord::actor).containsExactly("mod-0", "mod-1", "mod-2");
        assertThat(appender.appendAll(List.of(known, fresh))).isEmpty();
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(3, 0, 0));
    }

    @Test
    void aFailingBatchAppendsNothing() {
        appendAll(taskClaimed("case-1", "mod-1"));
        // a row squatting on seq 3 makes the batch's second insert fail
        tamper("insert into audit_ledger (chain, seq, event_id, topic, event_type, actor, actor_type, occurred_at,"
                + " payload, prev_hash, hash, format) values (0, 3, 'squatter', 't', 't', 'a', 'HUMAN', now(), 'null',"
                + " repeat('0', 64), repeat('0', 64), 2)");

        assertThatThrownBy(() -> appender.appendAll(List.of(
                        record(Topics.TASKS, taskClaimed("case-1", "mod-2")),
                        record(Topics.TASKS, taskClaimed("case-1", "mod-3")))))
                .isInstanceOf(DataAccessException.class);

        assertThat(allRows()).extracting(LedgerRecord::eventId).hasSize(2).contains("squatter");
        assertThat(jdbc.queryForObject("select seq from audit_chain_head", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aLargeBatchGoesThroughCopyWithAwkwardTextIntact() {
        String[] awkward = {
            "plain",
            "comma, and \"quotes\"",
            "new\nline\r\n",
            "",
            "back\\slash \\N",
            "奥特曼 😀",
            "tab\there",
            "\\.",
            "null"
        };
        List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < LedgerAppender.COPY_THRESHOLD * 2; i++) {
            String text = awkward[i % awkward.length];
            Map<String, String> headers = new java.util.HashMap<>(decided("copy-" + i + "-" + text));
            if (i % 3 == 0) {
                headers.put("ce_subject", "case-" + text);
            }
            String json = CanonicalJson.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
            batch.add(record(
                    Topics.NOTICE_EVENTS,
                    "{\"actor\":" + json + ",\"note\":\"" + i + "\"" + (i % 2 == 0 ? ",\"legalBasis\":" + json : "")
                            + "}",
                    headers));
        }

        assertThat(appender.appendAll(batch)).hasSize(batch.size());

        List<LedgerRecord> rows = allRows();
        assertThat(rows).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String text = awkward[i % awkward.length];
            String eventId = "copy-" + i + "-" + text;
            LedgerRecord row = rows.stream()
                    .filter(r -> r.eventId().equals(eventId))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.eventType()).isEqualTo("dev.takedown.notice.decided.v1");
            assertThat(row.actor()).isEqualTo(text.isBlank() ? "system" : text);
            assertThat(row.caseId()).isEqualTo(i % 3 == 0 ? "case-" + text : null);
            assertThat(row.legalBasis())
                    .as("what a record claims as its legal basis is not taken, and these cases have no notice")
                    .isNull();
            assertThat(LedgerEntry.of(row).hash()).isEqualTo(row.hash());
        }
        assertThat(trail.verify().intact()).isTrue();
        assertThat(appender.appendAll(batch)).as("redelivered").isEmpty();
    }

    private static Map<String, String> decided(String eventId) {
        return Map.of(CloudEventHeaders.ID, eventId, CloudEventHeaders.TYPE, "dev.takedown.notice.decided.v1");
    }

    private void appendAll(TaskClaimed... events) {
        for (TaskClaimed event : events) {
            assertThat(appender.append(record(Topics.TASKS, event))).isPresent();
        }
    }

    /** Changes the ledger behind the trigger's back, as a superuser could. */
    private void tamper(String sql, Object... args) {
        ledger.tamper(sql, args);
    }

    private List<LedgerRecord> allRows() {
        return ledger.rows();
    }

    private static TaskClaimed taskClaimed(String caseId, String actor) {
        return new TaskClaimed(UUID.randomUUID(), Instant.now(), caseId, actor, "task-" + UUID.randomUUID());
    }

    private ConsumerRecord<String, String> record(String topic, TakedownEvent event) {
        return ledger.record(topic, event);
    }

    private ConsumerRecord<String, String> record(String topic, String value, Map<String, String> headers) {
        return ledger.record(topic, value, headers);
    }
}
