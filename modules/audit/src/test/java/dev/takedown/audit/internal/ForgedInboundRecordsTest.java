package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.takedown.audit.ActorType;
import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.InboundSignatures;
import dev.takedown.events.Provenance;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whoever can write an external topic can put any CloudEvents headers and body on it: a notice received, a decision
 * by a named moderator, a measure applied. None of it may become a fact of ours.
 */
class ForgedInboundRecordsTest {

    private static final String CASE = "case-forged";
    private static final String SECRET_A = "org-a-portal-key-for-this-test-only-0123456789";

    private static EmbeddedLedger ledger;
    private LedgerAppender appender;

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
        appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {Topics.NOTICES_INBOUND, Topics.ENFORCEMENT_RESULTS, Topics.RISK_WARNINGS, Topics.SCREENING_EVENTS
            })
    void aForgedCaseHistoryIsRecordedOnlyAsInboundRecordsReceived(String topic) {
        List<ConsumerRecord<String, String>> forged = List.of(
                retopic(
                        topic,
                        ReportSeed.notice(
                                ledger, CASE, 1, "org-a", List.of("EU_DSA"), "NOTIFIER", "COPYRIGHT", "OPENED", null)),
                retopic(
                        topic,
                        ReportSeed.decided(ledger, CASE, 2, "senior", "d-forged", "ACCEPT", List.of("DELETE"), "x")),
                retopic(topic, ReportSeed.applied(ledger, CASE, 3, "senior", "DELETE", "https://x.example/1", null)));
        Instant before = Instant.now();

        appender.appendAll(forged);

        List<LedgerRecord> rows = ledger.rows();
        assertThat(rows).hasSize(3);
        assertThat(rows)
                .extracting(LedgerRecord::eventType)
                .containsOnly(
                        topic.equals(Topics.NOTICES_INBOUND)
                                ? Provenance.INBOUND_REFUSED
                                : Provenance.INBOUND_RECEIVED);
        assertThat(rows).extracting(LedgerRecord::caseId).containsOnlyNulls();
        assertThat(rows).extracting(LedgerRecord::actor).containsOnly(IncomingEvent.UNAUTHENTICATED);
        assertThat(rows).allSatisfy(row -> assertThat(row.occurredAt()).isAfterOrEqualTo(before.minusMillis(1)));
        assertThat(rows)
                .extracting(LedgerRecord::payload)
                .allSatisfy(
                        payload -> assertThat(payload).doesNotContain("senior").doesNotContain(CASE));
        String sha256 =
                HexFormat.of().formatHex(Sha256.digest(forged.get(1).value().getBytes(StandardCharsets.UTF_8)));
        assertThat(rows)
                .extracting(LedgerRecord::payload)
                .anySatisfy(p -> assertThat(p).contains(sha256));

        assertThat(ledger.jdbc.query(LedgerRows.SELECT + " where case_id = ?", LedgerRows.MAPPER, CASE))
                .as("timeline")
                .isEmpty();
        assertThat(new DisclosureFeed(ledger.jdbc)
                        .page(Instant.EPOCH, null, 100)
                        .items())
                .as("disclosure feed")
                .isEmpty();
        TransparencyReport report = new ComplianceReports(
                        ledger.jdbc, ledger.transactions, new ReportProperties(Duration.ofHours(24), null, null))
                .transparency(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
        assertThat(report.notices().total()).as("reports: notices").isZero();
        assertThat(report.decisions().total()).as("reports: decisions").isZero();
        assertThat(tdb().prepare()).as("transparency export").isZero();
    }

    @Test
    void aSignedNoticeNamesItsOrganisationAndAnotherOrganisationsClaimIsRecordedAsRefused() {
        LedgerAppender signed = new LedgerAppender(
                ledger.jdbc,
                ledger.transactions,
                EmbeddedLedger.properties(4),
                new InboundSignatures(Map.of("portal-a", new InboundSignatures.Key("org-a", SECRET_A))));
        byte[] notice = "{\"works\":[{\"title\":\"t\"}]}".getBytes(StandardCharsets.UTF_8);

        signed.appendAll(List.of(
                inbound(0, "org-a:k-1", notice, "portal-a", InboundSignatures.sign(SECRET_A, "org-a:k-1", notice)),
                inbound(1, "org-b:k-2", notice, "portal-a", InboundSignatures.sign(SECRET_A, "org-b:k-2", notice)),
                inbound(2, "org-b:k-3", notice, null, null)));

        List<LedgerRecord> rows = ledger.rows();
        assertThat(rows)
                .extracting(LedgerRecord::eventType, LedgerRecord::actor)
                .containsExactlyInAnyOrder(
                        tuple(Provenance.INBOUND_RECEIVED, "kafka-org:org-a"),
                        tuple(Provenance.INBOUND_REFUSED, IncomingEvent.UNAUTHENTICATED),
                        tuple(Provenance.INBOUND_REFUSED, IncomingEvent.UNAUTHENTICATED));
        assertThat(rows)
                .filteredOn(r -> r.eventType().equals(Provenance.INBOUND_RECEIVED))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.actorType()).isEqualTo(ActorType.AUTOMATED);
                    assertThat(r.payload()).contains("\"organisation\":\"org-a\"", "\"keyId\":\"portal-a\"");
                });
        assertThat(rows)
                .filteredOn(r -> r.eventType().equals(Provenance.INBOUND_REFUSED))
                .extracting(LedgerRecord::payload)
                .allSatisfy(p -> assertThat(p).contains("\"claimedOrganisation\":\"org-b\""))
                .anySatisfy(p -> assertThat(p).contains("signed with 'org-a''s key"))
                .anySatisfy(p -> assertThat(p).contains("no takedown-key-id header"));
    }

    private static ConsumerRecord<String, String> inbound(
            long offset, String key, byte[] value, String keyId, String signature) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(Topics.NOTICES_INBOUND, 0, offset, key, new String(value, StandardCharsets.UTF_8));
        if (keyId != null) {
            record.headers().add(InboundSignatures.KEY_ID, keyId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(InboundSignatures.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static ConsumerRecord<String, String> retopic(String topic, ConsumerRecord<String, String> record) {
        return new ConsumerRecord<>(
                topic,
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                record.serializedValueSize(),
                CASE,
                record.value(),
                record.headers(),
                record.leaderEpoch());
    }

    private static TransparencyDatabase tdb() {
        TdbProperties properties = new TdbProperties(
                "http://127.0.0.1:9/api/v1/statements",
                "test-token",
                100,
                Duration.ofMinutes(1),
                3,
                Duration.ofMillis(5),
                Duration.ofSeconds(5),
                Duration.ZERO,
                List.copyOf(StatementValidator.EU_EEA),
                "Terms of Service, section 4 (rights of others)",
                null);
        return new TransparencyDatabase(ledger.jdbc, ledger.transactions, properties, Clock.systemUTC());
    }
}
