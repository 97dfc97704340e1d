package dev.takedown.audit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import dev.takedown.audit.ActorType;
import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.events.CloudEventHeaders;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskClaimed;
import dev.takedown.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.annotation.KafkaListener;

/** The appender and the verifier against a real PostgreSQL 17 with the module's Flyway migration. */
class LedgerAppenderTest {

    private static final String GENESIS = "0".repeat(64);
    private static final Instant KAFKA_TIME = Instant.parse("2025-03-01T12:00:00.123Z");
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static EmbeddedPostgres postgres;
    private static HikariDataSource dataSource;
    private static Flyway flyway;

    private JdbcTemplate jdbc;
    private LedgerAppender appender;
    private AuditTrail trail;
    private long nextOffset;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(6);
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit")
                .cleanDisabled(false).load();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        dataSource.close();
        postgres.close();
    }

    @BeforeEach
    void freshLedger() {
        // the ledger refuses TRUNCATE, so every test starts from a freshly migrated schema
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        appender = new LedgerAppender(jdbc, transactions);
        trail = new AuditTrail(jdbc, transactions);
    }

    @Test
    void chainsRecordsFromTheGenesisHash() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-2", "mod-2"), taskClaimed("case-1", "mod-3"));

        List<LedgerRecord> rows = allRows();
        assertThat(rows).extracting(LedgerRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).prevHash()).isEqualTo(GENESIS);
        assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
        assertThat(rows).extracting(LedgerRecord::hash)
                .doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(jdbc.queryForMap("select seq, hash from audit_chain_head"))
                .containsEntry("seq", 3L).containsEntry("hash", rows.get(2).hash());
    }

    @Test
    void hashIsSha256OfTheCanonicalJsonOfTheDocumentedFields() throws Exception {
        UUID id = UUID.fromString("6f1c1f4e-0a4b-4c39-9a43-3f1d2b1b9e01");
        var event = new TaskClaimed(id, Instant.parse("2025-01-02T03:04:05.123456Z"), "case-1", "mod-1", "task-7");

        appender.append(record(Topics.TASKS, event));

        String payload = "{\"actor\":\"mod-1\",\"caseId\":\"case-1\",\"eventId\":\"" + id + "\","
                + "\"occurredAt\":\"2025-01-02T03:04:05.123456Z\",\"taskId\":\"task-7\"}";
        String hashed = "{\"actor\":\"mod-1\",\"actorType\":\"HUMAN\",\"caseId\":\"case-1\",\"eventId\":\"" + id + "\","
                + "\"eventType\":\"dev.takedown.task.claimed.v1\",\"occurredAt\":\"2025-01-02T03:04:05.123456Z\","
                + "\"payload\":" + payload + ",\"prevHash\":\"" + GENESIS + "\","
                + "\"seq\":1,\"topic\":\"takedown.tasks\"}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(UTF_8)));
        LedgerRecord row = allRows().get(0);
        assertThat(row.payload()).isEqualTo(payload);
        assertThat(row.hash()).isEqualTo(expected);
    }

    @Test
    void takesIdTypeSubjectAndTimeFromCloudEventHeaders() {
        var event = new NoticeReceived(UUID.randomUUID(), Instant.parse("2025-02-03T04:05:06Z"), "case-7",
                "portal:acme", "org-1", List.of("EU_DSA"), "API", 2, NoticeReceived.PROCESS, null);

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
        var headers = Map.of(CloudEventHeaders.ID, "\"evt-1\"", CloudEventHeaders.TYPE, "\"custom.type.v1\"",
                CloudEventHeaders.SUBJECT, "\"case-9\"", CloudEventHeaders.TIME, "\"2025-05-06T07:08:09Z\"");

        appender.append(record(Topics.ACCESS_LOG, "{\"actor\":\"alice\"}", headers));

        LedgerRecord row = allRows().get(0);
        assertThat(row.eventId()).isEqualTo("evt-1");
        assertThat(row.eventType()).isEqualTo("custom.type.v1");
        assertThat(row.caseId()).isEqualTo("case-9");
        assertThat(row.occurredAt()).isEqualTo(Instant.parse("2025-05-06T07:08:09Z"));
        assertThat(row.actorType()).isEqualTo(ActorType.HUMAN);
    }

    @Test
    void withoutHeadersFallsBackToTheBodyThenToKafkaCoordinates() {
        String body = "{\"caseId\":\"case-3\",\"actor\":\"system:sla\",\"occurredAt\":\"2025-04-01T10:00:00+02:00\"}";

        appender.append(record(Topics.NOTICES_INBOUND, body, Map.of()));

        LedgerRecord row = allRows().get(0);
        assertThat(row.eventId()).isEqualTo(Topics.NOTICES_INBOUND + "-0-" + (nextOffset - 1));
        assertThat(row.eventType()).isEqualTo("raw:" + Topics.NOTICES_INBOUND);
        assertThat(row.caseId()).isEqualTo("case-3");
        assertThat(row.actor()).isEqualTo("system:sla");
        assertThat(row.actorType()).isEqualTo(ActorType.AUTOMATED);
        assertThat(row.occurredAt()).isEqualTo(Instant.parse("2025-04-01T08:00:00Z"));
        assertThat(row.payload()).as("canonical: keys sorted")
                .isEqualTo("{\"actor\":\"system:sla\",\"caseId\":\"case-3\","
                        + "\"occurredAt\":\"2025-04-01T10:00:00+02:00\"}");
    }

    @Test
    void recordsBodiesThatAreNotJsonAsStringsAndTombstonesAsNull() {
        appender.append(record(Topics.ENFORCEMENT_RESULTS, "ack measure \"m-1\"", Map.of()));
        appender.append(record(Topics.MEASURES, null, Map.of()));

        List<LedgerRecord> rows = allRows();
        assertThat(rows).extracting(LedgerRecord::payload).containsExactly("\"ack measure \\\"m-1\\\"\"", "null");
        assertThat(rows).extracting(LedgerRecord::actor).containsOnly(TakedownEvent.SYSTEM);
        assertThat(rows).extracting(LedgerRecord::actorType).containsOnly(ActorType.AUTOMATED);
        assertThat(rows).extracting(LedgerRecord::caseId).containsOnlyNulls();
        assertThat(rows).extracting(LedgerRecord::occurredAt).containsOnly(KAFKA_TIME);
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(2));
    }

    @Test
    void keepsTheMicrosecondsPostgresStoresSoTheHashStillVerifies() {
        var headers = Map.of(CloudEventHeaders.ID, "evt-ns", CloudEventHeaders.TIME, "2025-01-02T03:04:05.123456789Z");

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
        assertThat(jdbc.queryForObject("select seq from audit_chain_head", Long.class)).isEqualTo(1);
        assertThat(appender.append(record(Topics.TASKS, taskClaimed("case-1", "mod-1")))).hasValue(2);
    }

    @Test
    void verifiesAnIntactChainAcrossPages() {
        for (int i = 0; i < 1003; i++) {
            appender.append(record(Topics.TASKS, taskClaimed("case-" + (i % 7), "mod-" + i)));
        }

        assertThat(trail.verify()).isEqualTo(new ChainStatus(true, 1003, null, null));
        assertThat(trail.count()).isEqualTo(1003);
    }

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(0));
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"));

        assertThatThrownBy(() -> jdbc.update("update audit_ledger set actor = 'mallory' where seq = 1"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_ledger where seq = 2"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_ledger"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only: TRUNCATE refused");

        assertThat(allRows()).extracting(LedgerRecord::actor).containsExactly("mod-1", "mod-2");
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(2));
    }

    @Test
    void detectsAnEditedPayload() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));

        tamper("update audit_ledger set payload = '{\"forged\":true}' where seq = 2");

        ChainStatus status = trail.verify();
        assertThat(status.intact()).isFalse();
        assertThat(status.firstBrokenSeq()).isEqualTo(2);
        assertThat(status.records()).isEqualTo(3);
        assertThat(status.reason()).contains("hash");
    }

    @Test
    void detectsAPayloadReformattedWithoutChangingItsContent() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"));
        String canonical = allRows().get(1).payload();

        tamper("update audit_ledger set payload = ? where seq = 2", canonical.replace(",", ", "));

        assertThat(trail.verify())
                .extracting(ChainStatus::intact, ChainStatus::firstBrokenSeq).containsExactly(false, 2L);
    }

    @Test
    void aRecordRewrittenWithAFreshHashBreaksTheNextLink() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));
        LedgerRecord second = allRows().get(1);
        String forgedHash = new LedgerEntry(2, second.eventId(), second.topic(), second.eventType(), second.caseId(),
                "mallory", ActorType.HUMAN, second.occurredAt(), CanonicalJson.read(second.payload()).orElseThrow(),
                second.prevHash()).hash();

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

        assertThat(trail.verify()).isEqualTo(
                ChainStatus.broken(2, 2L, "record 2 is missing; the next one is 3"));
    }

    @Test
    void detectsRecordsCutOffTheEndThroughTheHead() {
        appendAll(taskClaimed("case-1", "mod-1"), taskClaimed("case-1", "mod-2"), taskClaimed("case-1", "mod-3"));

        tamper("delete from audit_ledger where seq = 3");

        assertThat(trail.verify()).isEqualTo(ChainStatus.broken(2, 3L,
                "the chain head is at record 3 but the ledger ends at record 2"));
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

        assertThat(allRows()).extracting(LedgerRecord::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(trail.verify()).isEqualTo(ChainStatus.intact(100));
    }

    @Test
    void caseTimelineListsOnlyThatCaseInLedgerOrder() {
        appendAll(taskClaimed("case-A", "mod-1"), taskClaimed("case-B", "mod-2"));
        var measure = new MeasureApplied(UUID.randomUUID(), Instant.parse("2025-06-01T00:00:00Z"), "case-A",
                TakedownEvent.SYSTEM, "measure-1", "REMOVE", "https://example.org/x", null);
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
    void listensToEveryContractTopicInItsOwnGroup() throws NoSuchMethodException {
        KafkaListener listener = LedgerAppender.class.getDeclaredMethod("onRecord", ConsumerRecord.class)
                .getAnnotation(KafkaListener.class);

        assertThat(listener.topics()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(listener.groupId()).isEqualTo("takedown-audit");
        assertThat(listener.properties()).containsExactly("auto.offset.reset=earliest");
    }

    private void appendAll(TaskClaimed... events) {
        for (TaskClaimed event : events) {
            assertThat(appender.append(record(Topics.TASKS, event))).isPresent();
        }
    }

    /** Changes the ledger behind the trigger's back, as a superuser could. */
    private void tamper(String sql, Object... args) {
        jdbc.execute("alter table audit_ledger disable trigger audit_ledger_no_update_delete");
        try {
            jdbc.update(sql, args);
        } finally {
            jdbc.execute("alter table audit_ledger enable trigger audit_ledger_no_update_delete");
        }
    }

    private List<LedgerRecord> allRows() {
        return jdbc.query(LedgerRows.SELECT + " order by seq", LedgerRows.MAPPER);
    }

    private static TaskClaimed taskClaimed(String caseId, String actor) {
        return new TaskClaimed(UUID.randomUUID(), Instant.now(), caseId, actor, "task-" + UUID.randomUUID());
    }

    /** A record as the Modulith externaliser sends it: CloudEvents headers, the event's JSON as the value. */
    private ConsumerRecord<String, String> record(String topic, TakedownEvent event) {
        Map<String, String> headers = new HashMap<>();
        CloudEventHeaders.of(event).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        try {
            return record(topic, EVENTS.writeValueAsString(event), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> record(String topic, String value, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text.getBytes(UTF_8)));
        return new ConsumerRecord<>(topic, 0, nextOffset++, KAFKA_TIME.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, "key", value, kafkaHeaders, Optional.empty());
    }
}
