package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements of reasons built from the seeded ledger and sent to a loopback stand-in for the TDB. */
class TransparencyDatabaseTest {

    private static EmbeddedLedger ledger;

    private LedgerAppender appender;
    private HttpServer server;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Scripted answers, then the default: 201 echoing each statement with a uuid. */
    private final Deque<Function<JsonNode, Reply>> script = new ArrayDeque<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        ledger = new EmbeddedLedger();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        ledger.close();
    }

    @BeforeEach
    void start() throws IOException {
        ledger.reset();
        appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/statements", exchange -> {
            JsonNode body = CanonicalJson.read(
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow();
            requests.add(body);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Function<JsonNode, Reply> next;
            synchronized (script) {
                next = script.isEmpty() ? TransparencyDatabaseTest::created : script.poll();
            }
            Reply reply = next.apply(body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void buildsStatementsOnlyForAcceptedEuDsaDecisionsWithAMeasure() {
        ReportSeed.seed(ledger, appender);

        assertThat(tdb(3).prepare()).isEqualTo(2);

        // c1 and c2 (EU_DSA, accepted, measure applied); not c3 (reject), c4 (CN_ECOM), c6 (no measure)
        assertThat(states()).containsOnly(Map.entry("d-1", "PENDING"), Map.entry("d-2", "PENDING"));
        JsonNode c1 = statement("d-1");
        assertThat(texts(c1.path("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(c1.path("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(c1.path("illegal_content_legal_ground").asText())
                .contains("copyright", "Regulation (EU) 2022/2065 (DSA) Art. 16");
        assertThat(c1.path("illegal_content_explanation").asText())
                .as("from the vocabulary, not the moderator's words")
                .contains("copyright reproduction")
                .doesNotContain("reproduces the notified work");
        assertThat(texts(c1.path("content_type"))).containsExactly("CONTENT_TYPE_IMAGE");
        assertThat(c1.path("category").asText()).isEqualTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS");
        assertThat(texts(c1.path("category_specification"))).containsExactly("KEYWORD_COPYRIGHT_INFRINGEMENT");
        assertThat(texts(c1.path("territorial_scope"))).hasSize(30).contains("DE", "FR", "NO");
        assertThat(c1.path("content_date").asText()).isEqualTo("2026-03-01");
        assertThat(c1.path("application_date").asText()).isEqualTo("2026-03-01");
        assertThat(c1.path("source_type").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(c1.path("automated_detection").asText()).isEqualTo("No");
        assertThat(c1.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(c1.path("puid").asText()).isEqualTo("d-1");
        // no personal data: neither the notifier's organisation nor the moderator
        assertThat(c1.path("decision_facts").asText())
                .contains("rights holder", "A human moderator", "DELETE")
                .doesNotContain("org-a", "mod-1", "portal:");
        JsonNode c2 = statement("d-2");
        assertThat(c2.path("source_type").asText()).isEqualTo("SOURCE_TRUSTED_FLAGGER");
        assertThat(texts(c2.path("decision_visibility"))).containsExactly("DECISION_VISIBILITY_OTHER");
        assertThat(c2.path("decision_visibility_other").asText()).contains("PROMPT_FILTER");
        assertThat(texts(c2.path("content_type"))).containsExactly("CONTENT_TYPE_SYNTHETIC_MEDIA");
        // a second run finds nothing new
        assertThat(tdb(3).prepare()).isZero();
    }

    @Test
    void aComplaintThatReversesNoActionAndImposesAMeasureGetsAStatementOfItsOwn() {
        appender.appendAll(List.of(
                ReportSeed.notice(
                        ledger, "c-9", 1, "org-a", List.of("EU_DSA"), "RIGHTS_HOLDER", "COPYRIGHT", "PROCESS", null),
                ReportSeed.decided(ledger, "c-9", 2, "mod-1", "d-9", "REJECT", List.of(), "not infringing"),
                ledger.record(
                        dev.takedown.events.Topics.NOTICE_EVENTS,
                        new dev.takedown.events.AppealDecided(
                                java.util.UUID.randomUUID(),
                                ReportSeed.at(30),
                                "c-9",
                                "senior-1",
                                "a-9",
                                "REVERSE",
                                List.of("DELETE"),
                                "infringing after all",
                                "DECISION",
                                "complaint-9")),
                ReportSeed.applied(
                        ledger, "c-9", 31, TakedownEvent.SYSTEM, "DELETE", "https://g.example/9.png", null)));

        assertThat(tdb(3).prepare()).isEqualTo(1);

        assertThat(states()).containsOnly(Map.entry("a-9", "PENDING"));
        assertThat(statement("a-9").path("decision_facts").asText()).contains("internal complaint (Art. 20 DSA)");
        assertThat(statement("a-9").path("application_date").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void sendsBatchesOfAHundredAndKeepsTheTdbUuid() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            records.addAll(acceptedCase("case-" + i, "dec-" + i, "DELETE"));
        }
        appender.appendAll(records);
        TransparencyDatabase tdb = tdb(3);

        assertThat(tdb.prepare()).isEqualTo(150);
        tdb.submitPending();

        assertThat(requests).extracting(r -> r.path("statements").size()).containsExactly(100, 50);
        assertThat(authorizations).containsOnly("Bearer test-token");
        assertThat(states().values()).hasSize(150).containsOnly("SUBMITTED");
        assertThat(ledger.jdbc.queryForObject(
                        "select tdb_uuid from audit_tdb_statement where puid = 'dec-7'", String.class))
                .isEqualTo("uuid-dec-7");
    }

    @Test
    void retriesAServerErrorAndThenSucceeds() {
        appender.appendAll(acceptedCase("case-1", "dec-1", "DELETE"));
        script.add(body -> new Reply(500, "{\"message\":\"Server Error\"}"));
        TransparencyDatabase tdb = tdb(3);
        tdb.prepare();

        tdb.submitPending();

        assertThat(requests).hasSize(2);
        assertThat(states()).containsExactly(Map.entry("dec-1", "SUBMITTED"));
        assertThat(ledger.jdbc.queryForObject("select attempts from audit_tdb_statement", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aBatchThatKeepsFailingStaysPendingWithTheProblem() {
        appender.appendAll(acceptedCase("case-1", "dec-1", "DELETE"));
        for (int i = 0; i < 3; i++) {
            script.add(body -> new Reply(503, "down"));
        }
        TransparencyDatabase tdb = tdb(3);
        tdb.prepare();

        tdb.submitPending();

        assertThat(requests).hasSize(3);
        assertThat(states()).containsExactly(Map.entry("dec-1", "PENDING"));
        assertThat(ledger.jdbc.queryForMap("select attempts, problem from audit_tdb_statement"))
                .containsEntry("attempts", 3)
                .containsEntry("problem", "HTTP 503: down");
    }

    @Test
    void aPuidTheTdbAlreadyHoldsIsReconciledAndTheRestIsSent() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.addAll(acceptedCase("case-1", "dec-1", "DELETE"));
        records.addAll(acceptedCase("case-2", "dec-2", "DELETE"));
        records.addAll(acceptedCase("case-3", "dec-3", "DELETE"));
        appender.appendAll(records);
        script.add(body -> new Reply(
                422,
                "{\"message\":\"The platform identifier(s) are not all unique within this"
                        + " call.\",\"errors\":{\"puid\":[\"The platform identifier(s) are not all unique within this call.\"],"
                        + "\"existing_puids\":[\"dec-2\"]}}"));
        TransparencyDatabase tdb = tdb(3);
        tdb.prepare();

        tdb.submitPending();

        assertThat(states())
                .containsOnly(
                        Map.entry("dec-1", "SUBMITTED"),
                        Map.entry("dec-2", "RECONCILED"),
                        Map.entry("dec-3", "SUBMITTED"));
        assertThat(requests).extracting(r -> r.path("statements").size()).containsExactly(3, 2);
        assertThat(texts(requests.get(1).path("statements").findValues("puid")))
                .containsExactlyInAnyOrder("dec-1", "dec-3");
    }

    @Test
    void theSingleStatementDuplicateAnswerReconcilesToo() {
        appender.appendAll(acceptedCase("case-1", "dec-1", "DELETE"));
        script.add(body -> new Reply(
                422,
                "{\"message\":\"The identifier given is not unique within this platform.\","
                        + "\"errors\":{\"puid\":[\"The identifier given is not unique within this platform.\"]},"
                        + "\"existing\":{\"uuid\":\"uuid-old\",\"puid\":\"dec-1\"}}"));
        TransparencyDatabase tdb = tdb(3);
        tdb.prepare();

        tdb.submitPending();

        assertThat(requests).hasSize(1);
        assertThat(states()).containsExactly(Map.entry("dec-1", "RECONCILED"));
        assertThat(ledger.jdbc.queryForObject("select tdb_uuid from audit_tdb_statement", String.class))
                .isEqualTo("uuid-old");
    }

    @Test
    void anotherRefusalIsNarrowedToTheStatementAtFault() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.addAll(acceptedCase("case-1", "dec-1", "DELETE"));
        records.addAll(acceptedCase("case-2", "dec-2", "DELETE"));
        appender.appendAll(records);
        String refusal =
                "{\"message\":\"The territorial scope is invalid.\",\"errors\":{\"territorial_scope\":[\"x\"]}}";
        script.add(body -> new Reply(422, refusal));
        script.add(body -> body.path("statements").get(0).path("puid").asText().equals("dec-1")
                ? new Reply(422, refusal)
                : created(body));
        script.add(body -> body.path("statements").get(0).path("puid").asText().equals("dec-1")
                ? new Reply(422, refusal)
                : created(body));
        TransparencyDatabase tdb = tdb(3);
        tdb.prepare();

        tdb.submitPending();

        assertThat(requests).extracting(r -> r.path("statements").size()).containsExactly(2, 1, 1);
        assertThat(states()).containsOnly(Map.entry("dec-1", "REJECTED"), Map.entry("dec-2", "SUBMITTED"));
        assertThat(ledger.jdbc.queryForObject(
                        "select problem from audit_tdb_statement where puid = 'dec-1'", String.class))
                .startsWith("HTTP 422: ")
                .contains("territorial scope");
    }

    @Test
    void anInvalidStatementIsKeptWithTheFieldAtFaultAndNeverSent() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        // a warning restricts nothing the TDB records
        records.addAll(acceptedCase("case-1", "dec-1", "ACCOUNT_WARNING"));
        records.addAll(acceptedCase("case-2", "dec 2!", "DELETE"));
        records.addAll(acceptedCase("case-3", "dec-3", "DELETE"));
        appender.appendAll(records);
        TransparencyDatabase tdb = tdb(3);

        assertThat(tdb.prepare()).isEqualTo(3);
        tdb.submitPending();

        assertThat(states())
                .containsOnly(
                        Map.entry("dec-1", "INVALID"), Map.entry("dec 2!", "INVALID"), Map.entry("dec-3", "SUBMITTED"));
        assertThat(ledger.jdbc.queryForObject(
                        "select problem from audit_tdb_statement where puid = 'dec-1'", String.class))
                .startsWith("decision_visibility: at least one of");
        assertThat(ledger.jdbc.queryForObject(
                        "select problem from audit_tdb_statement where puid = 'dec 2!'", String.class))
                .isEqualTo("puid: must match ^[a-zA-Z0-9-_]+$");
        assertThat(requests).hasSize(1);
        assertThat(texts(requests.get(0).path("statements").findValues("puid"))).containsExactly("dec-3");
    }

    @Test
    void validatorNamesEveryFieldAtFault() {
        StatementOfReasons bad = new StatementOfReasons(
                List.of("DECISION_VISIBILITY_VANISHED"),
                null,
                null,
                null,
                null,
                "DECISION_GROUND_ILLEGAL_CONTENT",
                null,
                null,
                "x".repeat(2001),
                null,
                null,
                null,
                List.of(),
                "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT",
                null,
                List.of("US"),
                "1999-12-31",
                "2026-13-01",
                "2026-1-31",
                null,
                null,
                null,
                null,
                "SOURCE_ARTICLE_16",
                "Maybe",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "p".repeat(501));

        assertThat(StatementValidator.problems(bad))
                .extracting(StatementValidator.Problem::field)
                .containsExactly(
                        "decision_visibility",
                        "illegal_content_legal_ground",
                        "illegal_content_explanation",
                        "content_type",
                        "category",
                        "territorial_scope",
                        "content_date",
                        "application_date",
                        "end_date_visibility_restriction",
                        "decision_facts",
                        "automated_detection",
                        "puid");
    }

    @Test
    void aLiftThatRestoredGetsItsOwnStatementAndAWiderFilterReplacingANarrowerNone() {
        String measureId = UUID.randomUUID().toString();
        String filterId = UUID.randomUUID().toString();
        UUID liftId = UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(List.of(
                ReportSeed.notice(
                        ledger, "case-1", 1, "org-a", List.of("EU_DSA"), "RIGHTS_HOLDER", "COPYRIGHT", "PROCESS", null),
                ReportSeed.decided(
                        ledger, "case-1", 2, "mod-1", "dec-1", "ACCEPT", List.of("DELETE", "PROMPT_FILTER"), null)));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        ReportSeed.at(3),
                        "case-1",
                        TakedownEvent.SYSTEM,
                        measureId,
                        "DELETE",
                        "https://x.example/a.png",
                        null)));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        ReportSeed.at(3),
                        "case-1",
                        TakedownEvent.SYSTEM,
                        filterId,
                        "PROMPT_FILTER",
                        null,
                        null)));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        UUID.randomUUID(),
                        ReportSeed.at(30),
                        "case-1",
                        "owner",
                        filterId,
                        "superseded by a model remediation",
                        2L,
                        LiftCause.SUPERSEDED.name())));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        liftId,
                        ReportSeed.at(400),
                        "case-1",
                        TakedownEvent.SYSTEM,
                        measureId,
                        "restored after counter-notice",
                        2L,
                        LiftCause.COUNTER_NOTICE.name())));
        appender.appendAll(records);

        assertThat(tdb(3).prepare()).isEqualTo(2);

        assertThat(states()).containsOnlyKeys("dec-1", "lift-" + liftId);
        JsonNode lift = statement("lift-" + liftId);
        assertThat(texts(lift.path("decision_visibility")))
                .as("the restriction the lift ended")
                .containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(lift.path("application_date").asText())
                .isEqualTo(statement("dec-1").path("application_date").asText());
        assertThat(lift.path("end_date_visibility_restriction").asText())
                .isEqualTo(java.time.LocalDate.ofInstant(ReportSeed.at(400), java.time.ZoneOffset.UTC)
                        .toString());
        assertThat(lift.path("decision_facts").asText())
                .contains("(DELETE)", "counter-notice", "was lifted on")
                .doesNotContain("restored after counter-notice", "org-a");
        assertThat(lift.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(lift.path("puid").asText()).isEqualTo("lift-" + liftId);
        assertThat(ledger.jdbc.queryForObject(
                        "select state from audit_tdb_statement where puid = ?", String.class, "lift-" + liftId))
                .isEqualTo("PENDING");
        assertThat(tdb(3).prepare()).as("a lift is stated once").isZero();
    }

    /**
     * A lift recorded before lifts named a cause is reported with its cause not recorded, who carried it out deciding
     * whether it was automated; one in the same instant as an application on its case was a wider filter replacing
     * the old one and restored nothing.
     */
    @Test
    void aLiftRecordedBeforeLiftsNamedACauseIsReportedWithItsCauseNotRecorded() {
        String measureId = UUID.randomUUID().toString();
        String filterId = UUID.randomUUID().toString();
        UUID liftId = UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(List.of(
                ReportSeed.notice(
                        ledger, "case-1", 1, "org-a", List.of("EU_DSA"), "RIGHTS_HOLDER", "COPYRIGHT", "PROCESS", null),
                ReportSeed.decided(
                        ledger, "case-1", 2, "mod-1", "dec-1", "ACCEPT", List.of("DELETE", "PROMPT_FILTER"), null)));
        for (String[] measure : List.of(
                new String[] {measureId, "DELETE", "https://x.example/a.png"},
                new String[] {filterId, "PROMPT_FILTER", null})) {
            records.add(ledger.record(
                    Topics.MEASURES,
                    new MeasureApplied(
                            UUID.randomUUID(),
                            ReportSeed.at(3),
                            "case-1",
                            TakedownEvent.SYSTEM,
                            measure[0],
                            measure[1],
                            measure[2],
                            null)));
        }
        // the filter replaced by a wider one in one instant, as remediation did before lifts named a cause
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureLifted(UUID.randomUUID(), ReportSeed.at(30), "case-1", "owner", filterId, "widened")));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        ReportSeed.at(30),
                        "case-1",
                        "owner",
                        UUID.randomUUID().toString(),
                        "PROMPT_FILTER",
                        null,
                        null)));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureLifted(liftId, ReportSeed.at(400), "case-1", "mod-3", measureId, "lifted by mod-3")));
        appender.appendAll(records);

        assertThat(tdb(3).prepare()).isEqualTo(2);

        assertThat(states()).containsOnlyKeys("dec-1", "lift-" + liftId);
        JsonNode lift = statement("lift-" + liftId);
        assertThat(texts(lift.path("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(lift.path("decision_facts").asText())
                .contains("(DELETE)", "was lifted on", "the cause was not recorded at the time")
                .doesNotContain("mod-3");
        assertThat(lift.path("automated_decision").asText())
                .as("a person carried it out")
                .isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(tdb(3).prepare()).as("a lift is stated once").isZero();
    }

    /**
     * The repeat-infringer policy suspends the uploader after the moderator's DELETE: two decisions, two statements.
     * The content decision's restricts the content only; the account's is the platform's own, automated, explained by
     * how the standing change weighed the account's findings, and names nobody.
     */
    @Test
    void theLaddersSuspensionIsADecisionOfItsOwnWithItsOwnStatement() {
        String measureId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(acceptedCase("case-1", "dec-1", "DELETE"));
        records.addAll(ladderStep("case-1", 5, "ACCOUNT_SUSPEND", LocalDate.of(2026, 3, 31), "change-1", measureId));
        appender.appendAll(records);

        assertThat(tdb(3).prepare()).isEqualTo(2);

        String puid = "account-" + measureId;
        assertThat(states()).containsOnly(Map.entry("dec-1", "PENDING"), Map.entry(puid, "PENDING"));
        JsonNode decision = statement("dec-1");
        assertThat(texts(decision.path("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(decision.has("decision_account"))
                .as("the ladder's measure is not the moderator's")
                .isFalse();
        assertThat(decision.has("end_date_account_restriction")).isFalse();
        assertThat(decision.path("decision_facts").asText()).doesNotContain("ACCOUNT_SUSPEND");

        JsonNode account = statement(puid);
        assertThat(account.path("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(account.has("decision_visibility")).isFalse();
        assertThat(account.path("end_date_account_restriction").asText()).isEqualTo("2026-03-31");
        assertThat(account.path("application_date").asText()).isEqualTo("2026-03-01");
        assertThat(account.path("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(account.path("illegal_content_legal_ground").asText())
                .contains("copyright", "Regulation (EU) 2022/2065 (DSA) Art. 23", "Art. 17")
                .doesNotContain("Art. 16");
        assertThat(account.path("illegal_content_explanation").asText())
                .contains(
                        "repeatedly provided manifestly illegal content",
                        "4 findings of manifestly illegal content within the last 90 days",
                        "40% of the 10 notices naming its content",
                        "the 3 counted for this step, of which 1 found intentional, scored 5",
                        "against a threshold of 4",
                        "suspended for a reasonable period, until 2026-03-31");
        assertThat(account.path("decision_facts").asText())
                .contains(
                        "repeat-infringer policy (Art. 23 DSA)",
                        "a notice under Art. 16 DSA from a rights holder",
                        "COPYRIGHT_REPRODUCTION",
                        "a human moderator accepted on 2026-03-01",
                        "the account was suspended until 2026-03-31 (ACCOUNT_SUSPEND)");
        assertThat(account.path("category").asText())
                .isEqualTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS");
        assertThat(texts(account.path("territorial_scope"))).hasSize(30);
        assertThat(account.path("source_type").asText()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(account.path("automated_detection").asText()).isEqualTo("No");
        assertThat(account.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(account.path("puid").asText()).isEqualTo(puid);
        assertThat(account.toString())
                .as("no account, notifier, moderator, standing change or target")
                .doesNotContain("acct-7", "org-a", "mod-1", "portal:", "change-1", "x.example");
        assertThat(ledger.jdbc.queryForObject(
                        "select problem from audit_tdb_statement where puid = ?", String.class, puid))
                .as("no validation problems")
                .isNull();
        assertThat(tdb(3).prepare()).as("each measure is stated once").isZero();

        tdb(3).submitPending();

        assertThat(states()).containsOnly(Map.entry("dec-1", "SUBMITTED"), Map.entry(puid, "SUBMITTED"));
        assertThat(texts(requests.get(0).path("statements").findValues("puid")))
                .containsExactlyInAnyOrder("dec-1", puid);
    }

    /**
     * A termination has no end date. A suspension that reached its last day and one a complaint reversed each end in a
     * statement of their own in account terms, never grouped with the content lift the same complaint made.
     */
    @Test
    void aTerminationAndTheEndsOfSuspensionsAreStatedInAccountTerms() {
        String expiring = UUID.randomUUID().toString();
        String reversed = UUID.randomUUID().toString();
        String terminated = UUID.randomUUID().toString();
        String content = UUID.randomUUID().toString();
        UUID expiry = UUID.randomUUID();
        UUID appeal = UUID.randomUUID();
        UUID contentLift = UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(acceptedCase("case-1", "dec-1", "DELETE"));
        records.addAll(ladderStep("case-1", 5, "ACCOUNT_SUSPEND", LocalDate.of(2026, 3, 10), "change-1", expiring));
        records.add(standingChanged("case-1", 240, "change-1b", "REINSTATED", null));
        records.add(ladderLift(expiry, "case-1", 240, expiring, "change-1", LiftCause.EXPIRY));
        records.add(ReportSeed.notice(
                ledger, "case-2", 1, "org-a", List.of("EU_DSA"), "RIGHTS_HOLDER", "COPYRIGHT", "PROCESS", null));
        records.add(ReportSeed.decided(ledger, "case-2", 2, "mod-1", "dec-2", "ACCEPT", List.of("DELETE"), null));
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        ReportSeed.at(3),
                        "case-2",
                        TakedownEvent.SYSTEM,
                        content,
                        "DELETE",
                        "https://x.example/b.png",
                        null)));
        records.addAll(ladderStep("case-2", 5, "ACCOUNT_SUSPEND", LocalDate.of(2026, 4, 30), "change-2", reversed));
        // one complaint reversed both the content decision and the suspension, in one instant
        records.add(ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        contentLift,
                        ReportSeed.at(300),
                        "case-2",
                        "senior-1",
                        content,
                        "reversed by senior-1",
                        2L,
                        LiftCause.APPEAL.name())));
        records.add(standingChanged("case-2", 300, "change-2b", "REVERSED", null));
        records.add(ladderLift(appeal, "case-2", 300, reversed, "change-2", LiftCause.APPEAL));
        records.addAll(acceptedCase("case-3", "dec-3", "DELETE"));
        records.addAll(ladderStep("case-3", 5, "ACCOUNT_TERMINATE", null, "change-3", terminated));
        appender.appendAll(records);

        assertThat(tdb(3).prepare()).isEqualTo(9);

        assertThat(states())
                .containsOnlyKeys(
                        "dec-1",
                        "dec-2",
                        "dec-3",
                        "lift-" + contentLift,
                        "account-" + expiring,
                        "account-" + reversed,
                        "account-" + terminated,
                        "account-lift-" + expiry,
                        "account-lift-" + appeal)
                .containsValue("PENDING")
                .doesNotContainValue("INVALID");
        JsonNode termination = statement("account-" + terminated);
        assertThat(termination.path("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(termination.has("end_date_account_restriction"))
                .as("terminated until further notice")
                .isFalse();
        assertThat(termination.path("illegal_content_explanation").asText()).endsWith("so the account was terminated.");

        JsonNode reinstated = statement("account-lift-" + expiry);
        assertThat(reinstated.path("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(reinstated.has("decision_visibility")).isFalse();
        assertThat(reinstated.path("end_date_account_restriction").asText()).isEqualTo("2026-03-11");
        assertThat(reinstated.path("decision_facts").asText())
                .contains(
                        "The suspension of the account (ACCOUNT_SUSPEND)",
                        "applied on 2026-03-01, ended on 2026-03-11",
                        "the suspension reached its last day and the account was reinstated")
                .doesNotContain("acct-7", "typed");
        assertThat(reinstated.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(reinstated.path("illegal_content_legal_ground").asText()).contains("Art. 23");

        JsonNode reversal = statement("account-lift-" + appeal);
        assertThat(reversal.path("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(reversal.path("end_date_account_restriction").asText()).isEqualTo("2026-03-13");
        assertThat(reversal.path("decision_facts").asText())
                .contains("an internal complaint (Art. 20 DSA) reversed it and the account was reinstated")
                .doesNotContain("senior-1");
        assertThat(reversal.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(reversal.path("illegal_content_legal_ground").asText()).contains("Art. 20");

        JsonNode restored = statement("lift-" + contentLift);
        assertThat(texts(restored.path("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(restored.has("decision_account"))
                .as("the suspension's end is not the content's")
                .isFalse();
        assertThat(restored.path("decision_facts").asText())
                .contains("(DELETE)")
                .doesNotContain("ACCOUNT_SUSPEND");
        assertThat(tdb(3).prepare()).as("each end is stated once").isZero();
    }

    /** A suspension whose standing change the ledger has not received yet (another topic) waits for it. */
    @Test
    void anAccountMeasureWaitsForTheStandingChangeItCarriesOut() {
        String measureId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> step =
                ladderStep("case-1", 5, "ACCOUNT_SUSPEND", LocalDate.of(2026, 3, 31), "change-1", measureId);
        List<ConsumerRecord<String, String>> records = new ArrayList<>(acceptedCase("case-1", "dec-1", "DELETE"));
        records.add(step.get(1));
        appender.appendAll(records);

        assertThat(tdb(3).prepare()).isEqualTo(1);
        assertThat(states()).containsOnlyKeys("dec-1");

        appender.appendAll(List.of(step.get(0)));

        assertThat(tdb(3).prepare()).isEqualTo(1);
        assertThat(states()).containsOnlyKeys("dec-1", "account-" + measureId);
    }

    @Test
    void thePreviewShowsEachStatementWithItsStateAndThePayloadAsSent() {
        appender.appendAll(acceptedCase("case-1", "dec-1", "DELETE"));
        tdb(3).prepare();
        dev.takedown.audit.TdbStatements preview = new dev.takedown.audit.TdbStatements(ledger.jdbc, properties(3));

        assertThat(preview.endpoint())
                .hasValueSatisfying(url -> assertThat(url.getPath()).isEqualTo("/api/v1/statements"));
        assertThat(preview.recent(20)).singleElement().satisfies(statement -> {
            assertThat(statement.puid()).isEqualTo("dec-1");
            assertThat(statement.caseId()).isEqualTo("case-1");
            assertThat(statement.state()).isEqualTo("PENDING");
            assertThat(statement.payload())
                    .contains("\"puid\" : \"dec-1\"", "\"decision_ground\" : \"DECISION_GROUND_ILLEGAL_CONTENT\"")
                    .as("indented for reading")
                    .contains("\n  ");
        });
        tdb(3).submitPending();
        assertThat(preview.recent(20)).singleElement().satisfies(statement -> {
            assertThat(statement.state()).isEqualTo("SUBMITTED");
            assertThat(statement.tdbUuid()).isEqualTo("uuid-dec-1");
        });
    }

    private TransparencyDatabase tdb(int maxAttempts) {
        return new TransparencyDatabase(ledger.jdbc, ledger.transactions, properties(maxAttempts), Clock.systemUTC());
    }

    private TdbProperties properties(int maxAttempts) {
        return new TdbProperties(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/statements",
                "test-token",
                100,
                Duration.ofMinutes(1),
                maxAttempts,
                Duration.ofMillis(5),
                Duration.ofSeconds(5),
                Duration.ZERO,
                List.copyOf(StatementValidator.EU_EEA),
                "Terms of Service, section 4 (rights of others)",
                null);
    }

    private List<ConsumerRecord<String, String>> acceptedCase(String caseId, String decisionId, String measure) {
        return List.of(
                ReportSeed.notice(
                        ledger,
                        caseId,
                        1,
                        "org-a",
                        List.of("EU_DSA", "CN_CC_1195"),
                        "RIGHTS_HOLDER",
                        "COPYRIGHT_REPRODUCTION",
                        "PROCESS",
                        null),
                ReportSeed.decided(ledger, caseId, 2, "mod-1", decisionId, "ACCEPT", List.of(measure), null),
                ReportSeed.applied(
                        ledger, caseId, 3, TakedownEvent.SYSTEM, measure, "https://x.example/" + caseId, null));
    }

    /** The policy's step in one instant: the standing change, then the account measure that carries it out. */
    private List<ConsumerRecord<String, String>> ladderStep(
            String caseId, double hours, String type, LocalDate endsOn, String changeId, String measureId) {
        return List.of(
                standingChanged(
                        caseId,
                        hours,
                        changeId,
                        type.equals("ACCOUNT_TERMINATE") ? "TERMINATED" : "SUSPENDED",
                        endsOn == null
                                ? null
                                : endsOn.plusDays(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()),
                ReportSeed.measure(ledger, caseId, hours, type, measureId, changeId, endsOn));
    }

    /** 4 findings in the window of 10 notices, 3 counted (1 intentional) scoring 5 against 4, over 90 days as recorded. */
    private ConsumerRecord<String, String> standingChanged(
            String caseId, double hours, String changeId, String change, java.time.Instant until) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new PartyStandingChanged(
                        UUID.randomUUID(),
                        ReportSeed.at(hours),
                        caseId,
                        TakedownEvent.SYSTEM,
                        changeId,
                        "UPLOADER",
                        "acct-7",
                        change,
                        until,
                        3,
                        4,
                        10,
                        5,
                        4,
                        1,
                        "PT2160H",
                        null));
    }

    private ConsumerRecord<String, String> ladderLift(
            UUID eventId, String caseId, double hours, String measureId, String changeId, LiftCause cause) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        eventId,
                        ReportSeed.at(hours),
                        caseId,
                        cause == LiftCause.APPEAL ? "senior-1" : TakedownEvent.SYSTEM,
                        measureId,
                        "typed by senior-1 about acct-7",
                        2L,
                        cause.name(),
                        "ACCOUNT_SUSPEND",
                        null,
                        "acct-7",
                        changeId));
    }

    private Map<String, String> states() {
        Map<String, String> states = new java.util.TreeMap<>();
        ledger.jdbc.query("select puid, state from audit_tdb_statement", rs -> {
            states.put(rs.getString("puid"), rs.getString("state"));
        });
        return states;
    }

    private JsonNode statement(String puid) {
        return CanonicalJson.read(ledger.jdbc.queryForObject(
                        "select statement from audit_tdb_statement where puid = ?", String.class, puid))
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static Reply created(JsonNode request) {
        StringBuilder out = new StringBuilder("{\"statements\":[");
        request.path("statements").forEach(s -> {
            if (out.charAt(out.length() - 1) != '[') {
                out.append(',');
            }
            String puid = s.path("puid").asText();
            out.append("{\"puid\":\"")
                    .append(puid)
                    .append("\",\"uuid\":\"uuid-")
                    .append(puid)
                    .append("\",\"permalink\":\"https://tdb.example/statement/")
                    .append(puid)
                    .append("\"}");
        });
        return new Reply(201, out.append("]}").toString());
    }

    private record Reply(int status, String body) {}
}
